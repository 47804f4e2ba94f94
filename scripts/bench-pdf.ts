/**
 * Printed certificate benchmark: renders the demo vaccination certificate through the issuer service
 * (an in-memory database, one P-256 authority) for a Latin and a Thai holder name, 50 times each after
 * a warm-up, in this one process, and prints the medians of the wall-clock and CPU milliseconds per
 * PDF (CPU time moves less when other processes share the cores) and of the PDF's size. The figures
 * go, by hand, into the `## Printed certificates` section of docs/benchmarks.md.
 *
 * Run: corepack pnpm bench:pdf
 */
import { performance } from 'node:perf_hooks';
import { openIssuer } from '@passage/issuer';
import { exampleVaccinationInput } from '@passage/schema';

const RUNS = 50;
const WARM_UP = 10;
const NAMES = { Latin: exampleVaccinationInput.person.name, Thai: 'สมชาย ใจดี' };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const issuer = await openIssuer({
  databaseUrl: 'sqlite::memory:',
  secret: 'abcdefghijklmnopqrstuvwxyz0123456789',
  publicUrl: 'https://issuer.example',
});
try {
  const { service } = issuer;
  await service.createAuthority({
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate'],
  });
  const caller = await service.actAs(undefined, 'VaccinationCertificate');
  for (const [script, name] of Object.entries(NAMES)) {
    const input = { ...exampleVaccinationInput, person: { ...exampleVaccinationInput.person, name } };
    const { id } = await service.issue(caller, 'VaccinationCertificate', input);
    for (let i = 0; i < WARM_UP; i++) await service.certificatePdf(caller, id);
    const [wall, cpu, sizes]: [number[], number[], number[]] = [[], [], []];
    for (let i = 0; i < RUNS; i++) {
      const [start, used] = [performance.now(), process.cpuUsage()];
      const pdf = await service.certificatePdf(caller, id);
      const { user, system } = process.cpuUsage(used);
      wall.push(performance.now() - start);
      cpu.push((user + system) / 1000);
      sizes.push(pdf.length);
    }
    console.log(
      `${script} name: median ${median(wall).toFixed(1)} ms per PDF (CPU ${median(cpu).toFixed(1)} ms) over ${RUNS}, ${median(sizes)} bytes`,
    );
  }
} finally {
  await issuer.close();
}
