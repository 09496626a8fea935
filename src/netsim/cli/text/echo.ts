import { echoText, GNU_ECHO } from '../../shell/echo';
import { ok, type Program } from '../command';

/**
 * /bin/echo: what `docker run alpine echo hi` and `sudo echo` run, since no
 * shell is there to answer with its builtin. GNU's and BusyBox's read the same options.
 */
export const echoProgram: Program = {
  name: 'echo',
  run: (args) => ok(echoText(args, GNU_ECHO)),
};
