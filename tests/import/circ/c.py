import circ.d
C_VALUE = 3
