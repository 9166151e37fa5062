from circ.a import A_VALUE
B_VALUE = 2
