"""sys.set_coroutine_origin_tracking_depth and cr_origin."""
import sys
sys.set_coroutine_origin_tracking_depth(2)
print(sys.get_coroutine_origin_tracking_depth())
async def c(): pass
def mk(): return c()
co = mk()
print([(f.rsplit("/", 1)[-1], l, n) for f, l, n in co.cr_origin])
co.close()
sys.set_coroutine_origin_tracking_depth(0)
co = c(); print(co.cr_origin); co.close()
