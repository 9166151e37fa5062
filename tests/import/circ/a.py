from circ.b import B_VALUE  # b imports a back while a is half done
A_VALUE = 1
