import { ok, type Program } from '../command';

/**
 * The programs behind shell builtins of the same name, which `docker run IMAGE
 * true`, `sudo pwd` or nsenter exec directly: GNU coreutils' (src/true.c,
 * src/pwd.c) and BusyBox's applets (coreutils/true.c, false.c, pwd.c). true
 * and false ignore their arguments; pwd prints the working directory.
 */
export const trueProgram: Program = { name: 'true', run: () => ok() };

export const falseProgram: Program = { name: 'false', run: () => ({ stdout: '', stderr: '', exitCode: 1 }) };

export const pwdProgram: Program = { name: 'pwd', run: (_args, context) => ok(`${context.cwd ?? '/'}\n`) };
