import { createHash } from 'node:crypto';

/**
 * A small evaluator for ARM template expressions (`[concat(parameters('a'), '-x')]`): enough of the
 * language for the templates pgflex writes, with ARM's error when something is out of reach.
 */

export class TemplateExpressionError extends Error {}

export interface ExpressionScope {
  parameter(name: string): unknown;
  variable(name: string): unknown;
  resourceGroup(): { id: string; name: string; location: string };
  subscription(): { id: string; subscriptionId: string; tenantId: string; displayName: string };
  resourceId(type: string, names: string[]): string;
  reference(idOrName: string): unknown;
}

type Node =
  | { kind: 'literal'; value: unknown }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'property'; target: Node; name: string }
  | { kind: 'index'; target: Node; index: Node };

/** Evaluates every expression string inside a JSON value. */
export function evaluateDeep(value: unknown, scope: ExpressionScope): unknown {
  if (typeof value === 'string') return evaluateString(value, scope);
  if (Array.isArray(value)) return value.map((v) => evaluateDeep(v, scope));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateDeep(v, scope)]));
  }
  return value;
}

export function evaluateString(text: string, scope: ExpressionScope): unknown {
  if (!text.startsWith('[') || !text.endsWith(']')) return text;
  // "[[" escapes a literal string that begins with a bracket.
  if (text.startsWith('[[')) return text.slice(1);
  const parser = new Parser(text.slice(1, -1));
  const node = parser.parseExpression();
  parser.expectEnd();
  return evaluate(node, scope);
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parseExpression(): Node {
    this.skipSpace();
    let node = this.parsePrimary();
    for (;;) {
      this.skipSpace();
      const c = this.src[this.pos];
      if (c === '.') {
        this.pos++;
        node = { kind: 'property', target: node, name: this.identifier() };
      } else if (c === '[') {
        this.pos++;
        const index = this.parseExpression();
        this.expect(']');
        node = { kind: 'index', target: node, index };
      } else {
        return node;
      }
    }
  }

  expectEnd(): void {
    this.skipSpace();
    if (this.pos !== this.src.length) this.fail(`unexpected '${this.src.slice(this.pos)}'`);
  }

  private parsePrimary(): Node {
    const c = this.src[this.pos];
    if (c === "'") return { kind: 'literal', value: this.stringLiteral() };
    if (c !== undefined && /[-\d]/.test(c)) {
      const m = /^-?\d+(\.\d+)?/.exec(this.src.slice(this.pos));
      if (!m) this.fail('bad number');
      this.pos += m[0].length;
      return { kind: 'literal', value: Number(m[0]) };
    }
    const name = this.identifier();
    this.skipSpace();
    this.expect('(');
    const args: Node[] = [];
    this.skipSpace();
    if (this.src[this.pos] !== ')') {
      for (;;) {
        args.push(this.parseExpression());
        this.skipSpace();
        if (this.src[this.pos] === ',') {
          this.pos++;
          continue;
        }
        break;
      }
    }
    this.expect(')');
    return { kind: 'call', name: name.toLowerCase(), args };
  }

  private stringLiteral(): string {
    let out = '';
    this.pos++;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail('unterminated string');
      if (c === "'") {
        if (this.src[this.pos + 1] === "'") {
          out += "'";
          this.pos += 2;
          continue;
        }
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
  }

  private identifier(): string {
    const m = /^[A-Za-z_][\w]*/.exec(this.src.slice(this.pos));
    if (!m) this.fail('expected a name');
    this.pos += m[0].length;
    return m[0];
  }

  private expect(c: string): void {
    this.skipSpace();
    if (this.src[this.pos] !== c) this.fail(`expected '${c}'`);
    this.pos++;
  }

  private skipSpace(): void {
    while (this.src[this.pos] === ' ') this.pos++;
  }

  private fail(why: string): never {
    throw new TemplateExpressionError(`The template language expression '${this.src}' is not valid: ${why} at position ${this.pos}.`);
  }
}

function evaluate(node: Node, scope: ExpressionScope): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'property':
      return member(evaluate(node.target, scope), node.name);
    case 'index':
      return member(evaluate(node.target, scope), evaluate(node.index, scope));
    case 'call':
      return call(node.name, node.args.map((a) => evaluate(a, scope)), scope);
  }
}

function member(target: unknown, key: unknown): unknown {
  if (target === null || typeof target !== 'object') {
    throw new TemplateExpressionError(`The language expression property '${String(key)}' can't be evaluated.`);
  }
  const record = target as Record<string, unknown>;
  const found = Object.keys(record).find((k) => k.toLowerCase() === String(key).toLowerCase());
  if (found === undefined) {
    throw new TemplateExpressionError(`The language expression property '${String(key)}' doesn't exist, available properties are '${Object.keys(record).join(', ')}'.`);
  }
  return record[found];
}

function call(name: string, args: unknown[], scope: ExpressionScope): unknown {
  const str = (i: number): string => String(args[i]);
  switch (name) {
    case 'parameters':
      return scope.parameter(str(0));
    case 'variables':
      return scope.variable(str(0));
    case 'concat':
      return args.every(Array.isArray) && args.length > 0 ? args.flat() : args.map((a) => stringify(a)).join('');
    case 'format':
      return str(0).replace(/\{(\d+)\}/g, (_m, i: string) => stringify(args[Number(i) + 1]));
    case 'resourcegroup':
      return scope.resourceGroup();
    case 'subscription':
      return scope.subscription();
    case 'resourceid':
      return scope.resourceId(str(0), args.slice(1).map(String));
    case 'reference':
      return scope.reference(str(0));
    case 'tolower':
      return str(0).toLowerCase();
    case 'toupper':
      return str(0).toUpperCase();
    case 'string':
      return stringify(args[0]);
    case 'int':
      return Number.parseInt(str(0), 10);
    case 'bool':
      return args[0] === true || str(0).toLowerCase() === 'true';
    case 'true':
      return true;
    case 'false':
      return false;
    case 'if':
      return args[0] ? args[1] : args[2];
    case 'equals':
      return JSON.stringify(args[0]) === JSON.stringify(args[1]);
    case 'not':
      return !args[0];
    case 'and':
      return args.every(Boolean);
    case 'or':
      return args.some(Boolean);
    case 'empty':
      return args[0] == null || args[0] === '' || (typeof args[0] === 'object' && Object.keys(args[0]).length === 0);
    case 'length':
      return typeof args[0] === 'string' || Array.isArray(args[0]) ? args[0].length : Object.keys(args[0] ?? {}).length;
    case 'uniquestring':
      return hashOf(args).slice(0, 13);
    case 'guid':
      return guidOf(args);
    case 'createobject':
      return Object.fromEntries(args.flatMap((a, i) => (i % 2 === 0 ? [[String(a), args[i + 1]]] : [])));
    case 'createarray':
      return args;
    default:
      throw new TemplateExpressionError(`The template function '${name}' is not expected (not supported by the pgflex sandbox).`);
  }
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function hashOf(args: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(args)).digest('hex');
}

function guidOf(args: unknown[]): string {
  const h = hashOf(args);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
