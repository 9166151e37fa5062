"""__del__ of an object that only a module global holds runs at exit, and
the classes and other globals it uses are still there."""
PREFIX = "bye"


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(PREFIX, self.name, Resource.__name__)


r = Resource("r")
print("end of program")
