import ts from 'typescript';

/**
 * Lines of code in a TypeScript module: lines that hold part of a token, comments and blank lines
 * not counted. TypeScript's own parser reads the text, so a `//` inside a string or template is
 * code and a line that is only part of a block comment is not.
 */
export function codeLines(text: string, fileName = 'module.ts'): number {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const lines = new Set<number>();
  const visit = (node: ts.Node): void => {
    // `getChildren` also lists the JSDoc attached to a node: that is comment, not code.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(source);
    if (children.length === 0 && node.kind !== ts.SyntaxKind.EndOfFileToken) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(Math.max(node.getStart(source), node.end - 1)).line;
      for (let line = first; line <= last; line++) lines.add(line);
    }
    for (const child of children) visit(child);
  };
  visit(source);
  return lines.size;
}
