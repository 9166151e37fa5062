"""Object-heavy interpretation: a small operating-system task scheduler in
the style of Martin Richards' benchmark (tasks, packets, queues, a scheduler
loop dispatching on task kinds through method calls)."""

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1


class Packet:
    __slots__ = ("link", "dest", "kind", "count", "data")

    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.data = [0, 0, 0, 0]

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, system, ident, priority, queue):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = queue is not None
        self.held = False
        self.link = None

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        p = self.queue
        if p is None:
            return None
        self.queue = p.link
        self.waiting = False
        return p

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, system, ident, priority, count):
        Task.__init__(self, system, ident, priority, None)
        self.control = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.system.hold_self()
        if self.control & 1 == 0:
            self.control //= 2
            return self.system.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.system.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue)
        self.dest = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.system.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.dest = self.dest
        packet.count = 0
        for i in range(4):
            self.letter = self.letter + 1 if self.letter < 26 else 1
            packet.data[i] = self.letter
        return self.system.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            count = work.count
            if count < 4:
                if self.devices is not None:
                    dev = self.devices
                    self.devices = dev.link
                    dev.count = work.data[count]
                    work.count = count + 1
                    return self.system.queue_packet(dev)
            else:
                self.work = work.link
                return self.system.queue_packet(work)
        return self.system.wait()


class DeviceTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.system.wait()
            p, self.pending = self.pending, None
            return self.system.queue_packet(p)
        self.pending = packet
        self.system.hold_count += 1
        return self.system.hold_self()


class System:
    def __init__(self):
        self.tasks = {}
        self.order = []
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def add(self, task):
        self.tasks[task.ident] = task
        self.order.append(task)
        self.order.sort(key=lambda t: -t.priority)

    def hold_self(self):
        self.current.held = True
        return None

    def wait(self):
        self.current.waiting = True
        return None

    def release(self, ident):
        t = self.tasks[ident]
        t.held = False
        return t if t.priority > self.current.priority else self.current

    def queue_packet(self, packet):
        t = self.tasks[packet.dest]
        self.queue_count += 1
        packet.link = None
        packet.dest = self.current.ident
        if t.queue is None:
            t.queue = packet
        else:
            packet.append_to(t.queue)
        return t if t.priority > self.current.priority else self.current

    def schedule(self):
        while True:
            for task in self.order:
                if task.runnable():
                    break
            else:
                return
            self.current = task
            packet = task.take_packet() if task.waiting or task.queue is not None else None
            task.run(packet)


def make_queue(count, dest, kind):
    q = None
    for _ in range(count):
        q = Packet(q, dest, kind)
    return q


def bench():
    total = 0
    for _ in range(10):
        s = System()
        s.add(IdleTask(s, IDLE, 0, 10000))
        s.add(WorkerTask(s, WORKER, 1000, make_queue(2, WORKER, KIND_WORK)))
        s.add(HandlerTask(s, HANDLER_A, 2000, make_queue(3, DEVICE_A, KIND_DEVICE)))
        s.add(HandlerTask(s, HANDLER_B, 3000, make_queue(3, DEVICE_B, KIND_DEVICE)))
        s.add(DeviceTask(s, DEVICE_A, 4000, None))
        s.add(DeviceTask(s, DEVICE_B, 5000, None))
        s.schedule()
        total += s.queue_count * 100000 + s.hold_count
    return total


def check(result):
    # queue and hold counts of ten identical runs (deterministic)
    return result == 22560090260
