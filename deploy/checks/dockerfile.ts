import { readFileSync } from 'node:fs';

/** One instruction of a Dockerfile, continuation lines joined. */
export interface DockerInstruction {
  /** Upper case: FROM, RUN, COPY, CMD... */
  keyword: string;
  /** The rest of the instruction, as written. */
  text: string;
  /** 1-based line where it starts. */
  line: number;
  /** The build stage it belongs to (its `AS` name, or its index). */
  stage: string;
}

/** Splits a Dockerfile into instructions (comments and parser directives dropped). */
export function parseDockerfile(source: string): DockerInstruction[] {
  const instructions: DockerInstruction[] = [];
  const lines = source.split('\n');
  let stage = '';
  let stages = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const startLine = index + 1;
    let text = lines[index]!.trim();
    if (text === '' || text.startsWith('#')) continue;
    while (text.endsWith('\\') && index + 1 < lines.length) {
      index += 1;
      const next = lines[index]!.trim();
      // Comment and empty lines inside a continued instruction are dropped, the rest joins.
      if (next === '' || next.startsWith('#')) continue;
      text = `${text.slice(0, -1).trimEnd()} ${next}`;
    }
    const [, keyword = '', rest = ''] = /^(\S+)\s*([\s\S]*)$/.exec(text) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      stage = /\sAS\s+(\S+)\s*$/i.exec(rest)?.[1] ?? String(stages);
      stages += 1;
    }
    instructions.push({ keyword: upper, text: rest, line: startLine, stage });
  }
  return instructions;
}

export function readDockerfile(path: string): DockerInstruction[] {
  return parseDockerfile(readFileSync(path, 'utf8'));
}

/** The arguments of an exec-form (`["node", "x.js"]`) CMD/ENTRYPOINT/RUN, or null for shell form. */
export function execFormArguments(instruction: DockerInstruction): string[] | null {
  if (!instruction.text.startsWith('[')) return null;
  const parsed: unknown = JSON.parse(instruction.text);
  if (!Array.isArray(parsed) || !parsed.every((item): item is string => typeof item === 'string')) {
    throw new Error(`line ${instruction.line}: ${instruction.keyword} is not a JSON array of strings`);
  }
  return parsed;
}

/** The image of a FROM line, `--platform` and `AS name` aside. */
export function fromImage(instruction: DockerInstruction): string {
  return instruction.text.split(/\s+/).filter((word) => !word.startsWith('--'))[0] ?? '';
}

/** Stage names defined so far can be used as FROM images; anything else is pulled. */
export function stageNames(instructions: readonly DockerInstruction[]): Set<string> {
  return new Set(instructions.filter((i) => i.keyword === 'FROM').map((i) => i.stage));
}

export interface NpmCommand {
  /** `ci`, `run`, `install`, ... */
  command: string;
  /** For `npm run <script>`: the script. */
  script: string | null;
  /** Workspaces named with -w / --workspace. */
  workspaces: string[];
}

/** The npm commands in a shell command line (`npm ci -w cms && npm run build -w cms`). */
export function findNpmCommands(shell: string): NpmCommand[] {
  const commands: NpmCommand[] = [];
  for (const part of shell.split(/&&|\|\||;/)) {
    const words = part.trim().split(/\s+/);
    const at = words.indexOf('npm');
    if (at === -1) continue;
    const args = words.slice(at + 1);
    const workspaces: string[] = [];
    const positional: string[] = [];
    for (let i = 0; i < args.length; i += 1) {
      const word = args[i]!;
      if (word === '-w' || word === '--workspace') workspaces.push(args[(i += 1)] ?? '');
      else if (word.startsWith('--workspace=')) workspaces.push(word.slice('--workspace='.length));
      else if (word === '--') break;
      else if (!word.startsWith('-')) positional.push(word);
    }
    const [command = '', script = null] = positional;
    commands.push({ command, script: command === 'run' || command === 'run-script' ? script : null, workspaces });
  }
  return commands;
}
