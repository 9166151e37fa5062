"""logging: formatted records through loggers, filters, handlers and
formatters into an in-memory stream; suppressed debug calls."""
import io
import logging


def bench():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
    logger = logging.getLogger("bench.app")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    for i in range(40000):
        logger.debug("hidden %d", i)
        logger.info("item %d of %s", i, "batch")
        if i % 10 == 0:
            logger.warning("warn %(n)d", {"n": i})
    text = stream.getvalue()
    return text.count("\n"), len(text)


def check(result):
    return result[0] == 44000
