import { readFileSync } from 'node:fs';

/** One nginx directive: its name, its arguments (quotes removed), and its block if it has one. */
export interface NginxDirective {
  name: string;
  args: string[];
  block: NginxDirective[] | null;
  line: number;
}

interface Token {
  value: string;
  /** `{`, `}` and `;` outside quotes are syntax; anything else is a word. */
  syntax: boolean;
  line: number;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    if (char === '\n') line += 1;
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '#') {
      while (index < source.length && source[index] !== '\n') index += 1;
    } else if (char === '{' || char === '}' || char === ';') {
      tokens.push({ value: char, syntax: true, line });
      index += 1;
    } else if (char === '"' || char === "'") {
      const start = line;
      let value = '';
      index += 1;
      while (index < source.length && source[index] !== char) {
        if (source[index] === '\\' && index + 1 < source.length) index += 1;
        if (source[index] === '\n') line += 1;
        value += source[index];
        index += 1;
      }
      if (index >= source.length) throw new Error(`unterminated quote from line ${start}`);
      index += 1;
      tokens.push({ value, syntax: false, line: start });
    } else {
      let value = '';
      while (index < source.length && !/[\s{};]/.test(source[index]!)) {
        value += source[index];
        index += 1;
      }
      tokens.push({ value, syntax: false, line });
    }
  }
  return tokens;
}

/** Parses nginx configuration text into directives (comments dropped, quotes removed). */
export function parseNginxConfig(source: string): NginxDirective[] {
  const tokens = tokenize(source);
  let position = 0;
  const parseBlock = (nested: boolean): NginxDirective[] => {
    const directives: NginxDirective[] = [];
    while (position < tokens.length) {
      const first = tokens[position]!;
      if (first.syntax && first.value === '}') {
        if (!nested) throw new Error(`unexpected "}" on line ${first.line}`);
        position += 1;
        return directives;
      }
      if (first.syntax) throw new Error(`unexpected "${first.value}" on line ${first.line}`);
      const args: string[] = [];
      position += 1;
      for (;;) {
        const token = tokens[position];
        if (!token) throw new Error(`directive "${first.value}" on line ${first.line} is not terminated`);
        position += 1;
        if (!token.syntax) {
          args.push(token.value);
        } else if (token.value === ';') {
          directives.push({ name: first.value, args, block: null, line: first.line });
          break;
        } else if (token.value === '{') {
          directives.push({ name: first.value, args, block: parseBlock(true), line: first.line });
          break;
        } else {
          throw new Error(`unexpected "}" in directive "${first.value}" on line ${first.line}`);
        }
      }
    }
    if (nested) throw new Error('missing "}" at the end of the file');
    return directives;
  };
  return parseBlock(false);
}

export function readNginxConfig(path: string): NginxDirective[] {
  return parseNginxConfig(readFileSync(path, 'utf8'));
}

/** Directives named `name` directly in `directives`. */
export function directivesNamed(directives: readonly NginxDirective[], name: string): NginxDirective[] {
  return directives.filter((directive) => directive.name === name);
}

/** Every directive named `name` at any depth, with the names of the blocks around it. */
export function findDirectives(
  directives: readonly NginxDirective[],
  name: string,
  within: string[] = [],
): { directive: NginxDirective; within: string[] }[] {
  return directives.flatMap((directive) => [
    ...(directive.name === name ? [{ directive, within }] : []),
    ...(directive.block ? findDirectives(directive.block, name, [...within, directive.name]) : []),
  ]);
}

/** The value of each pattern of `map <source> <variable> { ... }` for that variable. */
export function mapValues(directives: readonly NginxDirective[], variable: string): Map<string, string> {
  const map = findDirectives(directives, 'map').find(({ directive }) => directive.args[1] === variable)?.directive;
  if (!map?.block) throw new Error(`no map sets ${variable}`);
  return new Map(map.block.map((entry) => [entry.name, entry.args[0] ?? '']));
}
