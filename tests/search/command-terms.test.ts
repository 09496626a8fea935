import { describe, expect, it } from 'vitest';
import { commandTerms } from '../../src/search/command-terms';

describe('the words a command is indexed by', () => {
  it.each([
    ['docker network connect red1 c1', 'docker network connect red1 c1'],
    ['docker run -d --name web -p 8080:80 nginx:alpine', 'docker run web nginx alpine'],
    [`sudo nsenter -t "$(docker inspect -f '{{.State.Pid}}' c1)" -n ip addr`, 'sudo nsenter docker inspect c1 ip addr'],
    ['curl -sI http://localhost/ | head -n 1', 'curl head'],
    ['docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.1 red-app', 'docker network create red-app'],
    ['docker run -e MARIADB_USER=wpuser mariadb', 'docker run MARIADB_USER wpuser mariadb'],
    ['ping -c 4 172.17.0.2 && echo ok; ls', 'ping echo ok ls'],
  ])('%s → %s', (command, words) => {
    expect(commandTerms(command).join(' ')).toBe(words);
  });
});
