import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// `npm start` on a fresh clone builds first; later starts reuse the build.
const buildId = path.join(process.cwd(), '.next', 'BUILD_ID');
if (!fs.existsSync(buildId)) {
  console.log('No production build yet: running `next build` once...');
  const r = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
