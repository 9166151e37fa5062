αβ = """
multi\
line""" \
 + 1
