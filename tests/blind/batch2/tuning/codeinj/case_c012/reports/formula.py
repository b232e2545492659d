"""Evaluate spreadsheet-style formulas without eval().

Only numeric literals, column names and + - * / ** are supported; the AST is
walked by hand.
"""
import ast
import operator

BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}


class FormulaError(ValueError):
    pass


class Formula:
    def __init__(self, text):
        self.text = text
        try:
            self.tree = ast.parse(text, mode="eval")
        except SyntaxError as exc:
            raise FormulaError(str(exc)) from exc

    def evaluate(self, row):
        return self._eval(self.tree.body, row)

    def _eval(self, node, row):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name):
            if node.id not in row:
                raise FormulaError(f"unknown column {node.id}")
            return row[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
            left = self._eval(node.left, row)
            right = self._eval(node.right, row)
            if isinstance(node.op, ast.Pow) and abs(right) > 10:
                raise FormulaError("exponent too large")
            return BIN_OPS[type(node.op)](left, right)
        if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
            return UNARY_OPS[type(node.op)](self._eval(node.operand, row))
        raise FormulaError(f"unsupported element {type(node).__name__}")
