# The program README command (1) runs.
def greet(name):
    return "Hello, %s!" % name

print(greet("Kiln"))
print(sum(i * i for i in range(10)))
