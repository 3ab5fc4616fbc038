import { flagNamed } from '../../engine/model';
import type { Instruction, Stage } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import {
  hasOption,
  isGlobalNodeInstall,
  isInstall,
  managerCall,
  optionValue,
  type ManagerCall,
} from '../../engine/shell/packages';
import type { Span } from '../../engine/types';
import { copySources, hasCacheMountFor } from './_cache';

type Family = 'node' | 'python' | 'ruby' | 'go' | 'rust' | 'maven' | 'gradle' | 'php';

/** The files each ecosystem declares dependencies in: copying one of them alone prepares an install. */
const MANIFESTS: Record<Family, string[]> = {
  node: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'],
  python: ['requirements.txt', 'pyproject.toml', 'poetry.lock', 'Pipfile', 'Pipfile.lock', 'setup.py', 'setup.cfg'],
  ruby: ['Gemfile', 'Gemfile.lock'],
  go: ['go.mod', 'go.sum'],
  rust: ['Cargo.toml', 'Cargo.lock'],
  maven: ['pom.xml'],
  gradle: ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts'],
  php: ['composer.json', 'composer.lock'],
};
const FAMILIES = Object.keys(MANIFESTS) as Family[];

/** Source values that copy the whole build context. */
const WHOLE_CONTEXT = new Set(['.', './', '*', './*']);

/** A step that downloads a project's dependencies. `build` steps also compile, so they must follow the source. */
interface DependencyStep {
  family: Family;
  build: boolean;
  call: ManagerCall;
  /** `npm ci`, `pip install -r requirements.txt`... */
  label: string;
  /** The files to copy before it. */
  manifests: string[];
}

const base = (path: string) => path.replace(/\/+$/, '').replace(/^.*\//, '');

/** The manifest family a COPY source names, literally or by a glob (`package*.json`). */
function manifestFamily(source: string): Family | undefined {
  const name = base(source);
  if (/^requirements([-_.][^/]*)?\.txt$/.test(name) || name === 'requirements' || /requirements[^/]*\/[^/]+\.txt$/.test(source)) {
    return 'python';
  }
  if (/[*?]/.test(name)) {
    const re = new RegExp('^' + name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
    return FAMILIES.find((f) => MANIFESTS[f].some((m) => re.test(m)));
  }
  return FAMILIES.find((f) => MANIFESTS[f].includes(name));
}

/** `.`, `./` or `.[extras]`: the project in the working directory. */
const isLocalProject = (v: string | null | undefined) => v != null && /^\.\/?(\[[^\]]*\])?$/.test(v);

function dependencyStep(call: ManagerCall): DependencyStep | undefined {
  const shownName = /^python|^corepack$/.test(base(call.command.name)) ? call.manager : base(call.command.name);
  const step = (family: Family, what: string, manifests: string[], build = false): DependencyStep => ({
    family,
    build,
    call,
    label: `${shownName} ${what}`.trim(),
    manifests,
  });
  const bare = call.operands.length === 0;
  const goals = [call.action, ...call.operands.map((o) => o.value)].filter((g): g is string => !!g);
  switch (call.manager) {
    case 'npm':
      return isInstall(call) && bare && !isGlobalNodeInstall(call) ? step('node', call.action!, ['package.json', 'package-lock.json']) : undefined;
    case 'yarn':
      return (call.action === undefined || call.action === 'install') && bare ? step('node', call.action ?? '', ['package.json', 'yarn.lock']) : undefined;
    case 'pnpm':
      if (isGlobalNodeInstall(call) || !bare) return undefined;
      return call.action === 'install' || call.action === 'i' || call.action === 'fetch'
        ? step('node', call.action, ['package.json', 'pnpm-lock.yaml'])
        : undefined;
    case 'pip': {
      if (!isInstall(call)) return undefined;
      const requirements = call.options.filter((o) => o.name === '-r' || o.name === '--requirement');
      if (requirements.length) {
        const written = (o: (typeof requirements)[number]) => o.value ?? o.valueWord?.text ?? 'requirements.txt';
        // A path inside the image (`/app/requirements.txt`) says nothing about where the file sits in the context.
        const files = requirements.map((o) => (written(o).startsWith('/') ? base(written(o)) : written(o)));
        return step('python', `install -r ${written(requirements[0])}`, files);
      }
      // With --no-deps only the project itself is installed: nothing is downloaded.
      if (hasOption(call, '--no-deps')) return undefined;
      if (call.operands.some((o) => isLocalProject(o.value)) || isLocalProject(optionValue(call, '-e', '--editable'))) {
        return step('python', 'install .', ['pyproject.toml']);
      }
      return undefined;
    }
    case 'poetry':
      return call.action === 'install' && !hasOption(call, '--only-root') ? step('python', 'install', ['pyproject.toml', 'poetry.lock']) : undefined;
    case 'pipenv':
      return isInstall(call) && bare ? step('python', call.action!, ['Pipfile', 'Pipfile.lock']) : undefined;
    case 'bundle':
      return call.action === undefined || call.action === 'install' ? step('ruby', 'install', ['Gemfile', 'Gemfile.lock']) : undefined;
    case 'go':
      if (call.action === 'mod download') return step('go', 'mod download', ['go.mod', 'go.sum']);
      // `go install` of packages without @version builds them from the current module, like `go build`.
      if (call.action === 'build' || (call.action === 'install' && call.operands.every((o) => !o.value?.includes('@')))) {
        return step('go', call.action, ['go.mod', 'go.sum'], true);
      }
      return undefined;
    case 'cargo':
      if (call.action === 'fetch') return step('rust', 'fetch', ['Cargo.toml', 'Cargo.lock']);
      return call.action === 'build' ? step('rust', 'build', ['Cargo.toml', 'Cargo.lock'], true) : undefined;
    case 'mvn': {
      const fetch = goals.find((g) => g.startsWith('dependency:') || g.includes('go-offline'));
      if (fetch) return step('maven', fetch, ['pom.xml']);
      const build = goals.find((g) => ['compile', 'package', 'verify', 'install'].includes(g));
      return build ? step('maven', build, ['pom.xml'], true) : undefined;
    }
    case 'gradle': {
      const tasks = goals.map((g) => g.replace(/^.*:/, ''));
      if (tasks.includes('dependencies')) return step('gradle', 'dependencies', ['build.gradle', 'settings.gradle']);
      const build = tasks.find((t) => ['build', 'assemble', 'bootJar', 'jar', 'shadowJar', 'installDist'].includes(t));
      return build ? step('gradle', build, ['build.gradle', 'settings.gradle'], true) : undefined;
    }
    case 'composer':
      return call.action === 'install' && bare ? step('php', 'install', ['composer.json', 'composer.lock']) : undefined;
    default:
      return undefined;
  }
}

function dependencySteps(run: Instruction): DependencyStep[] {
  const steps: DependencyStep[] = [];
  for (const cmd of run.run?.commands ?? []) {
    const call = managerCall(cmd);
    const step = call && dependencyStep(call);
    if (step) steps.push(step);
  }
  return steps;
}

const list = (names: string[]) => names.map((n) => '`' + n + '`').join(' and ');

export default defineRule({
  meta: {
    id: 'cache/copy-before-install',
    category: 'cache',
    severity: 'warning',
    description: 'The whole build context is copied before dependencies are installed, so every source edit reinstalls them',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const { model } = context;

    /**
     * Walks a stage in order. Before the first whole-context COPY, an ecosystem is "prepared" once
     * its dependency layer exists: a dependency step ran, or its manifests were copied (or
     * bind-mounted) and a RUN followed. After that COPY, each unprepared ecosystem's first
     * dependency step is reported on the COPY.
     */
    function checkStage(stage: Stage): void {
      let contextCopy: { instr: Instruction; span: Span } | undefined;
      const copied = new Set<Family>();
      const prepared = new Set<Family>();
      const reported = new Set<Family>();
      for (const instr of stage.instructions) {
        if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
          if (contextCopy) continue;
          const fromStage = !!flagNamed(instr, 'from');
          for (const src of copySources(instr)) {
            const expansion = model.expand(src.value, instr);
            if (expansion.unresolved.length) continue;
            if (!fromStage && WHOLE_CONTEXT.has(expansion.value)) {
              contextCopy = { instr, span: { start: src.start, end: src.end } };
              break;
            }
            const family = manifestFamily(expansion.value);
            if (family) copied.add(family);
          }
        } else if (instr.keyword === 'RUN' && instr.run) {
          const steps = dependencySteps(instr);
          if (!contextCopy) {
            for (const f of copied) prepared.add(f);
            copied.clear();
            for (const m of instr.run.mounts) {
              const family = m.type === 'bind' && m.options.source ? manifestFamily(m.options.source) : undefined;
              if (family) prepared.add(family);
            }
            for (const s of steps) prepared.add(s.family);
            continue;
          }
          for (const s of steps) {
            if (prepared.has(s.family) || reported.has(s.family)) continue;
            // A build has to follow the source; with its downloads in a cache mount, rerunning it costs little.
            if (s.build && hasCacheMountFor(instr.run, s.call.manager)) continue;
            reported.add(s.family);
            const copy = contextCopy.instr.keyword;
            context.report({
              span: contextCopy.span,
              message:
                `${copy} of the whole build context comes before \`${s.label}\` (line ${model.lines.lineNumber(s.call.command.start)}), ` +
                `so any source change reruns it; copy ${list(s.manifests)} first and run it before this ${copy}`,
            });
          }
        }
      }
    }

    return { stage: checkStage };
  },
});
