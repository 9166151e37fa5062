"""A constraint solver: a one-way dataflow network in the spirit of DeltaBlue
(variables, equality/scale/offset constraints with strengths, incremental
planning by walking downstream, re-execution of the plan after edits)."""

REQUIRED, STRONG, MEDIUM, WEAK = 0, 1, 2, 3


class Var:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.stay = True


class Constraint:
    def __init__(self, strength, inputs, output):
        self.strength = strength
        self.inputs = inputs
        self.output = output
        for v in inputs + [output]:
            v.constraints.append(self)

    def execute(self):
        raise NotImplementedError


class Equal(Constraint):
    def __init__(self, strength, a, b):
        Constraint.__init__(self, strength, [a], b)

    def execute(self):
        self.output.value = self.inputs[0].value


class ScaleOffset(Constraint):
    def __init__(self, strength, src, scale, offset, dst):
        Constraint.__init__(self, strength, [src, scale, offset], dst)

    def execute(self):
        s, k, o = self.inputs
        self.output.value = s.value * k.value + o.value


class Planner:
    def __init__(self):
        self.constraints = []

    def add(self, c):
        self.constraints.append(c)
        out = c.output
        if out.determined_by is None or out.determined_by.strength > c.strength:
            out.determined_by = c

    def plan_from(self, sources):
        """Constraints downstream of the sources, in execution order."""
        order, seen, todo = [], set(), list(sources)
        while todo:
            v = todo.pop(0)
            for c in v.constraints:
                if c.output is v or c.output.determined_by is not c or id(c) in seen:
                    continue
                if all(i.determined_by is None or id(i.determined_by) in seen or i in sources
                       for i in c.inputs):
                    seen.add(id(c))
                    order.append(c)
                    todo.append(c.output)
                else:
                    todo.append(v)
                    break
        return order

    def run(self, plan):
        for c in plan:
            c.execute()


def chain_test(n):
    p = Planner()
    vs = [Var("v%d" % i) for i in range(n)]
    for a, b in zip(vs, vs[1:]):
        p.add(Equal(STRONG, a, b))
    plan = p.plan_from([vs[0]])
    total = 0
    for value in range(100):
        vs[0].value = value
        p.run(plan)
        total += vs[-1].value
    return total


def projection_test(n):
    p = Planner()
    scale, offset = Var("scale", 10), Var("offset", 1000)
    srcs, dsts = [], []
    for i in range(n):
        s, d = Var("src%d" % i, i), Var("dst%d" % i)
        p.add(ScaleOffset(REQUIRED, s, scale, offset, d))
        srcs.append(s)
        dsts.append(d)
    plan = p.plan_from(srcs + [scale, offset])
    total = 0
    for k in range(1, 40):
        scale.value = k
        offset.value = -k
        p.run(plan)
        total += sum(d.value for d in dsts)
    return total


def bench():
    results = [(chain_test(400), projection_test(400)) for _ in range(40)]
    assert all(r == results[0] for r in results)
    return results[0]


def check(result):
    # chain: last variable equals the source: sum(range(100)) = 4950
    # projection: sum over k of (k * sum(range(400)) - 400 * k)
    return result == (4950, sum(k * 79800 - 400 * k for k in range(1, 40)))
