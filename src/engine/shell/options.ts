import type { Word } from './model';

export interface ParsedOption {
  /** `-y`, `--yes`: the option as named, without any `=value`. */
  name: string;
  word: Word;
  /** Its value: after `=`, attached to a short option, or the next word for options that take one. */
  value?: string | null;
  valueWord?: Word;
}

export interface ParsedArgs {
  options: ParsedOption[];
  operands: Word[];
}

/**
 * Splits command arguments into options and operands the way getopt_long does: short options
 * may be clustered (`-qy`), `--name=value` carries its value, options listed in `valued` take the
 * next word as their value, and `--` ends the options. Options may follow operands (GNU style).
 * `valued` holds option names that take a value, spelled as the command spells them.
 */
export function parseArgs(args: readonly Word[], valued: ReadonlySet<string>, singleDashLong = false): ParsedArgs {
  const options: ParsedOption[] = [];
  const operands: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const text = word.value ?? word.text;
    if (text === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    // Go's flag package spells long options with one dash (`-ldflags`); `singleDashLong` reads them so.
    if (text.startsWith('--') || (singleDashLong && text.startsWith('-') && text.length > 1)) {
      const eq = text.indexOf('=');
      if (eq > 0) options.push({ name: text.slice(0, eq), word, value: text.slice(eq + 1) });
      else if (valued.has(text) && i + 1 < args.length) {
        options.push({ name: text, word, value: args[i + 1].value, valueWord: args[i + 1] });
        i++;
      } else options.push({ name: text, word });
      continue;
    }
    if (text.startsWith('-') && text.length > 1 && word.value !== null) {
      for (let k = 1; k < text.length; k++) {
        const name = '-' + text[k];
        if (!valued.has(name)) {
          options.push({ name, word });
          continue;
        }
        const rest = text.slice(k + 1);
        if (rest) options.push({ name, word, value: rest.startsWith('=') ? rest.slice(1) : rest });
        else if (i + 1 < args.length) {
          options.push({ name, word, value: args[i + 1].value, valueWord: args[i + 1] });
          i++;
        } else options.push({ name, word });
        break;
      }
      continue;
    }
    operands.push(word);
  }
  return { options, operands };
}
