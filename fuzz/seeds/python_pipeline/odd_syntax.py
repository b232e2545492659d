def f(:
  pass
class C(Base, metaclass=M):
    x: int = (yield)
    async def g(self): await (lambda: [*a, **b])()
match x:
    case {"k": [1, *rest]} if rest: pass
f"{x!r:>{width}}" rb"\x00" 0x_1 1e1j ...
(((((((((((((((((((((((((((((((((((((((())))))))))))))))))))))))))))))))))))))))
