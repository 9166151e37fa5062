import circ.c
print("d sees", circ.c.C_VALUE)
