// Installs the dashboard's npm dependencies exactly as package-lock.json pins them (`npm ci`), but only
// when the lock file changed since the last install, so a rebuild does not reinstall 150 packages.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const lock = readFileSync('package-lock.json');
const digest = createHash('sha256').update(lock).digest('hex');
const stamp = 'node_modules/.inmo-lock-sha256';

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest) {
  console.log('npm dependencies are up to date with package-lock.json');
} else {
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  writeFileSync(stamp, digest);
}
