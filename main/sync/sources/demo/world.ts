/** One world per seed: the hiring team, the offices and the jobs with their pipelines. */
import { DAY, HOUR, NOW, iso } from './calendar.js';
import { COMPANY, DOMAIN, FAMILIES, FAMILY_WEIGHTS, OFFICES, OFFICE_WEIGHTS, titled, type Family, type Office, type StageSpec } from './company.js';
import { handle, slug } from './format.js';
import { LOCALE_WEIGHTS, personName, type PersonName } from './names.js';
import { Random, hash128 } from './random.js';

export type User = { id: string; email: string; employeeId: string };

export interface Person extends User {
  name: PersonName;
}

export interface Stage {
  id: string;
  text: string;
  spec: StageSpec;
}

export interface Job {
  id: string;
  title: string;
  family: Family;
  office: Office;
  status: 'OPEN' | 'CLOSED' | 'DRAFT';
  createdAt: number;
  closedAt: number | null;
  stages: Stage[];
  recruiters: Person[];
  hiringManagers: Person[];
  team: Person[];
  /** How many of the applications go to this job, relatively. */
  popularity: number;
  event: Record<string, unknown>;
}

export interface World {
  seedHash: string;
  everyone: Person[];
  recruiters: Person[];
  jobs: Job[];
  /** Cumulative popularity of `jobs`, for picking a job per application. */
  cumulative: number[];
}

export function user(person: Person): User {
  return { id: person.id, email: person.email, employeeId: person.employeeId };
}

export function stageOf(stage: Stage): { id: string; text: string } {
  return { id: stage.id, text: stage.text };
}

export function buildWorld(seedKey: string): World {
  const r = new Random(`${seedKey}\u0000world`);
  const seedHash = hash128(seedKey)[0].toString(16).padStart(8, '0');
  const emails = new Set<string>();
  const employeeIds = new Set<string>();
  const everyone: Person[] = [];
  const hire = (): Person => {
    const name = personName(r, r.weighted(LOCALE_WEIGHTS));
    const base = `${handle(name.latinFirst)}.${handle(name.latinLast)}`;
    let local = base;
    for (let n = 2; emails.has(local); n++) local = `${base}${n}`;
    emails.add(local);
    let employeeId: string;
    do employeeId = `NW-${r.digits(5)}`;
    while (employeeIds.has(employeeId));
    employeeIds.add(employeeId);
    const person: Person = { id: r.id(), email: `${local}@${DOMAIN}`, employeeId, name };
    everyone.push(person);
    return person;
  };
  const recruiters = Array.from({ length: r.int(6, 9) }, hire);
  const coordinators = Array.from({ length: r.int(2, 3) }, hire);
  const managers = new Map<Family, Person[]>();
  const teams = new Map<Family, Person[]>();
  for (const family of FAMILIES) {
    managers.set(family, Array.from({ length: family.weight >= 10 ? 2 : 1 }, hire));
    teams.set(family, Array.from({ length: family.weight >= 10 ? r.int(4, 6) : r.int(2, 3) }, hire));
  }

  const offices: Office[] = OFFICES.map((office) => ({ ...office, id: r.id() }));
  const officeWeights = offices.map((office, i) => [office, OFFICE_WEIGHTS[i] as number] as const);
  const departments = new Map(FAMILIES.map((family) => [family, { id: r.id(), name: family.department }]));

  const jobCount = r.int(40, 80);
  const titles = new Set<string>();
  const jobs: Job[] = [];
  let jobNumber = r.int(1040, 1480);
  while (jobs.length < jobCount) {
    const family = r.weighted(FAMILY_WEIGHTS);
    const office = r.weighted(officeWeights);
    const title = titled(r.weighted(family.levels), r.pick(family.roles));
    if (titles.has(`${title}@${office.name}`)) continue;
    titles.add(`${title}@${office.name}`);
    const status = jobs.length === 0 ? 'OPEN' : r.weighted([['OPEN', 78], ['CLOSED', 14], ['DRAFT', 8]] as const);
    let createdAt: number;
    let closedAt: number | null = null;
    let updatedAt: number;
    if (status === 'OPEN') {
      createdAt = NOW - r.between(20, 320) * DAY;
      updatedAt = createdAt + (NOW - createdAt) * r.between(0.05, 0.99);
    } else if (status === 'CLOSED') {
      createdAt = NOW - r.between(120, 420) * DAY;
      closedAt = createdAt + r.between(45, (NOW - createdAt) / DAY - 7) * DAY;
      updatedAt = closedAt + r.between(0, 3) * DAY;
    } else {
      createdAt = NOW - r.between(1, 30) * DAY;
      updatedAt = createdAt + r.between(0.5, 48) * HOUR;
    }
    const id = r.id();
    const stages = family.stages.map((spec) => ({ id: r.id(), text: spec.text, spec }));
    const familyManagers = managers.get(family) as Person[];
    const team = teams.get(family) as Person[];
    const hiringManagers = [r.pick(familyManagers)];
    if (r.chance(0.25)) {
      const second = r.pick(team);
      hiringManagers.push(second);
    }
    const jobRecruiters = [r.pick(recruiters)];
    if (r.chance(0.3)) jobRecruiters.push(r.pick(coordinators));
    const confidential = r.chance(0.05);
    const department = departments.get(family) as { id: string; name: string };
    const url = status === 'DRAFT' ? null : `https://careers.${DOMAIN}/jobs/${id}-${slug(title)}`;
    const info = {
      id,
      title,
      description:
        `${COMPANY} builds software that helps recruiting teams hire fairly and fast. We are looking for a ${title} to join the ${family.department} team ${office.where}.\n\n` +
        `${family.about}\n\nWhat we offer: a competitive salary, equity, 30 days of holiday, a learning budget and flexible working.`,
      status,
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
      closedAt: closedAt === null ? null : iso(closedAt),
      isConfidential: confidential,
      jobCodes: [`${family.code}-${jobNumber}`],
      infoUrl: url,
      applyUrl: url === null ? null : `${url}/apply`,
    };
    jobNumber += r.int(1, 9);
    const event = {
      info,
      departments: [{ ...department }],
      offices: [{ id: office.id, name: office.name, location: office.location }],
      hiringManagers: hiringManagers.map(user),
      recruiters: jobRecruiters.map(user),
      stages: stages.map(stageOf),
    };
    const popularity = status === 'DRAFT' ? 0 : (status === 'CLOSED' ? 1.2 : 1) * r.between(0.3, 1) * (family.weight >= 10 ? 1.6 : 1) * (r.chance(0.15) ? 3 : 1);
    jobs.push({
      id, title, family, office, status, createdAt, closedAt, stages,
      recruiters: jobRecruiters, hiringManagers, team: [...new Set([...team, ...(r.chance(0.5) ? [r.pick(everyone)] : [])])],
      popularity, event,
    });
  }
  const cumulative: number[] = [];
  let total = 0;
  for (const job of jobs) cumulative.push((total += job.popularity));
  return { seedHash, everyone, recruiters, jobs, cumulative };
}

export function pickJob(r: Random, world: World): Job {
  const x = r.next() * (world.cumulative[world.cumulative.length - 1] as number);
  let lo = 0;
  let hi = world.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((world.cumulative[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return world.jobs[lo] as Job;
}
