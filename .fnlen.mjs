import ts from 'typescript';
import fs from 'node:fs';
for (const file of process.argv.slice(2)) {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out = [];
  const visit = (node) => {
    if ((ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) && node.body) {
      const a = src.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const b = src.getLineAndCharacterOfPosition(node.end).line + 1;
      let name = node.name?.getText() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : ts.isPropertyAssignment(node.parent) ? node.parent.name.getText() : '(anon)');
      if (b - a >= 60) out.push(`${file}:${a} ${name} ${b - a + 1} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  console.log(out.join('\n'));
}
