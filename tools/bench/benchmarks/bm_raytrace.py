"""Float math with objects: a small ray tracer (spheres, a plane, point light,
shadows, reflections) rendering into a list of pixel intensities."""
import math


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self.scale(1.0 / math.sqrt(self.dot(self)))


class Sphere:
    def __init__(self, centre, radius, shine):
        self.centre, self.radius, self.shine = centre, radius, shine

    def hit(self, origin, direction):
        oc = origin - self.centre
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        s = math.sqrt(disc)
        t = -b - s
        if t > 1e-6:
            return t
        t = -b + s
        return t if t > 1e-6 else None

    def normal(self, p):
        return (p - self.centre).norm()


class Plane:
    def __init__(self, point, normal_vec, shine):
        self.point, self.n, self.shine = point, normal_vec.norm(), shine

    def hit(self, origin, direction):
        d = direction.dot(self.n)
        if abs(d) < 1e-9:
            return None
        t = (self.point - origin).dot(self.n) / d
        return t if t > 1e-6 else None

    def normal(self, p):
        return self.n


class Scene:
    def __init__(self):
        self.objects = [Sphere(Vec(0, 1, 5), 1, 0.5), Sphere(Vec(-2, 0.7, 6), 0.7, 0.3),
                        Sphere(Vec(2, 0.5, 4), 0.5, 0.1), Plane(Vec(0, 0, 0), Vec(0, 1, 0), 0.2)]
        self.light = Vec(-5, 10, -5)

    def nearest(self, origin, direction):
        best, best_t = None, 1e30
        for obj in self.objects:
            t = obj.hit(origin, direction)
            if t is not None and t < best_t:
                best, best_t = obj, t
        return best, best_t

    def trace(self, origin, direction, depth):
        obj, t = self.nearest(origin, direction)
        if obj is None:
            return 0.1
        p = origin + direction.scale(t)
        n = obj.normal(p)
        to_light = (self.light - p).norm()
        shadow, _ = self.nearest(p, to_light)
        diffuse = 0.0 if shadow is not None else max(0.0, n.dot(to_light))
        colour = 0.1 + 0.9 * diffuse
        if depth > 0 and obj.shine > 0:
            r = direction - n.scale(2 * direction.dot(n))
            colour = colour * (1 - obj.shine) + obj.shine * self.trace(p, r.norm(), depth - 1)
        return colour


def render(w, h):
    scene = Scene()
    eye = Vec(0, 1, -2)
    pixels = []
    for j in range(h):
        for i in range(w):
            d = Vec((i - w / 2) / w, (h / 2 - j) / h + 0.2, 1).norm()
            pixels.append(scene.trace(eye, d, 3))
    return pixels


def bench():
    pixels = render(240, 180)
    return round(sum(pixels), 6), len(pixels)


def check(result):
    return result[1] == 43200 and abs(result[0] - EXPECTED_SUM) < 1e-6


EXPECTED_SUM = 10547.949785
