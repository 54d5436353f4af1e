/** A candidate's career and the résumé that tells it: positions with dates and achievements, education, skills, languages. */
import { DAY, NOW, monthYear } from './calendar.js';
import { EMPLOYERS, titled, type Family } from './company.js';
import type { Block } from './documents/blocks.js';
import { indefinite } from './format.js';
import { motherTongue, type CountryCode, type Locale, type PersonName } from './names.js';
import type { Random } from './random.js';

/** What the documents of one candidate agree on. */
export interface Profile {
  name: PersonName;
  email: string;
  phone: string | null;
  location: string;
  locale: Locale;
  country: CountryCode;
  /** The job family of the job applied for, which is also the candidate's own. */
  family: Family;
  /** The candidate's current title (level and role) and employer. */
  title: string;
  employer: string;
  years: number;
  /** LinkedIn, GitHub, a portfolio: as on the application. */
  links: readonly string[];
  career: readonly Position[];
  skills: readonly string[];
  /** A long career told in full: every position in detail, projects, talks (two or three pages). */
  long: boolean;
}

export interface Position {
  title: string;
  employer: string;
  city: string;
  /** What the employer does. */
  industry: string;
  /** What the position was about, for the recent ones. */
  scope: string | null;
  /** The skills the position used, listed under it in a long résumé. */
  tools: readonly string[];
  start: number;
  /** null while it is the current position. */
  end: number | null;
  achievements: readonly string[];
}

/** Achievements any role may list, once a family's own run out. */
const GENERAL_ACHIEVEMENTS = [
  'Onboarded and mentored new colleagues joining the team.',
  'Presented quarterly results and plans to the leadership team.',
  'Worked closely with product, design and engineering to ship on schedule.',
  'Documented the team\'s processes so that new joiners ramped up in weeks, not months.',
  'Represented the team in the company-wide planning process.',
  'Volunteered as an interviewer and helped hire eight colleagues.',
  'Ran the team\'s retrospectives and turned their outcomes into changes that stuck.',
  'Took over a struggling project and delivered it within a quarter.',
  'Set up the team\'s first quarterly goals and reviewed progress every month.',
  'Led the yearly budget request for the team.',
  'Improved the handover between teams, cutting work lost between them.',
  'Gave an internal talk series that colleagues from other departments joined.',
  'Coordinated with legal and security on two customer audits.',
  'Chaired the hiring committee for the department for a year.',
  'Reworked the team\'s reporting so that leadership saw the numbers weekly instead of monthly.',
  'Replaced three overlapping tools with one, saving licences and confusion.',
  'Cut the backlog of open requests by 60% in two quarters.',
  'Wrote the proposal that secured budget for two new roles.',
  'Trained colleagues in two other offices on the team\'s ways of working.',
  'Introduced a weekly review of customer feedback with the whole team.',
];

const TALKS = [
  '"Lessons from {years} years of {skill}", keynote at a regional industry conference ({year}).',
  '"What we got wrong about {skill}", talk at a national meetup ({year}).',
  'Guest lecture on {skill} at {university} ({year}).',
  'Article on {skill} in a trade magazine ({year}).',
  'Panel discussion on hiring and careers in {department}, industry summit ({year}).',
  'Workshop on {skill} for newcomers to the field ({year}).',
];

const ACTIVITIES = [
  'Mentor in a mentoring programme for career changers ({year} \u2013 present).',
  'Speaker at regional meetups and one national conference on {skill}.',
  'Volunteer teacher at a weekend coding club for teenagers.',
  'Organiser of a monthly {skill} meetup with 600 members.',
  'Member of the board of a local food bank; ran its volunteer rota.',
  'Wrote a blog on {skill} read by about 3,000 people a month.',
  'Contributor to open-source projects around {skill}.',
  'Ran a marathon for charity and raised funds for a children\'s hospital.',
];
const INTERESTS = ['climbing', 'photography', 'chess', 'cooking', 'cycling', 'football', 'piano', 'hiking', 'board games', 'running', 'gardening', 'swimming', 'painting', 'birdwatching'];

const INDUSTRIES = new Map(EMPLOYERS.map(([name, , industry]) => [name, industry]));

const LANGUAGE_LEVELS = ['fluent', 'professional working proficiency', 'conversational', 'intermediate', 'basic'];
const SECOND_LANGUAGES = ['German', 'French', 'Spanish', 'Italian', 'Portuguese', 'Dutch', 'Japanese', 'Mandarin Chinese', 'Arabic'];

const roleOf = (title: string, family: Family): string => family.roles.find((role) => title.endsWith(role)) ?? title;

/** The title someone of this role held with `years` of experience. */
function titleAt(r: Random, role: string, family: Family, years: number): string {
  const levels = new Set(family.levels.map(([level]) => level));
  if (years < 2 && levels.has('Junior ')) return `Junior ${role}`;
  if (years >= 9 && r.chance(0.6)) return titled(levels.has('Staff ') ? 'Staff ' : 'Lead ', role);
  if (years >= 5) return r.chance(0.7) ? `Senior ${role}` : role;
  return role;
}

/** The candidate's positions, the current one first, going back to the first job after graduating. */
export function career(r: Random, family: Family, title: string, employer: string, years: number, cities: readonly string[], skills: readonly string[], long: boolean): Position[] {
  const role = roleOf(title, family);
  const count = long ? Math.min(8, 2 + Math.round(years / 2)) : Math.max(1, Math.min(6, 1 + Math.round(years / 2.5) + r.int(-1, 1)));
  const weights = Array.from({ length: count }, () => r.between(0.6, 1.6));
  const total = weights.reduce((a, b) => a + b, 0);
  const employers = [employer, ...r.sample(EMPLOYERS.map(([name]) => name).filter((name) => name !== employer), count - 1)];
  // The family's own achievements first, in a random order, then the general ones.
  const pool = [...r.shuffle(family.bullets), ...r.shuffle(GENERAL_ACHIEVEMENTS)];
  const positions: Position[] = [];
  let end: number | null = null;
  let cursor = NOW - r.between(0, 60) * DAY;
  let experienceLeft = years;
  for (let i = 0; i < count; i++) {
    const span = ((weights[i] as number) / total) * years;
    const start = cursor - span * 365.25 * DAY;
    experienceLeft -= span;
    const achievements = pool.splice(0, long ? r.int(4, 6) : i === 0 ? r.int(3, 5) : i === 1 ? r.int(2, 4) : r.int(2, 3));
    const employerName = employers[i] ?? employer;
    positions.push({
      title: i === 0 ? title : r.chance(0.75) ? titleAt(r, role, family, experienceLeft) : titleAt(r, r.pick(family.roles), family, experienceLeft),
      employer: employerName,
      city: r.pick(cities),
      industry: INDUSTRIES.get(employerName) ?? 'software',
      scope: long || (i < 4 && r.chance(0.7)) ? r.pick(family.scopes).replace('{n}', String(r.int(4, 14))) : null,
      tools: long ? r.sample(skills, r.int(3, 5)) : [],
      start,
      end,
      achievements,
    });
    end = start - r.between(0, 45) * DAY;
    cursor = end;
  }
  return positions;
}

/** Skills as a résumé lists them: what the role always needs, then a weighted draw from the family's. */
export function skillsFor(r: Random, family: Family, title: string): string[] {
  const always = family.roleSkills[roleOf(title, family)] ?? [];
  const drawn = r.weightedSample(family.skills, r.int(5, 9)).filter((skill) => !always.includes(skill));
  return [...always, ...drawn];
}

function languages(r: Random, p: Profile): string {
  const native = motherTongue(r, p.locale, p.country);
  const spoken = [`${native} (native)`];
  if (native !== 'English') spoken.push(`English (${r.pick(LANGUAGE_LEVELS.slice(0, 2))})`);
  if (r.chance(native === 'English' ? 0.35 : 0.2)) {
    const other = r.pick(SECOND_LANGUAGES.filter((language) => language !== native));
    spoken.push(`${other} (${r.pick(LANGUAGE_LEVELS.slice(2))})`);
  }
  return spoken.join(', ');
}

/** The résumé: one to three pages, depending on how long the career is. */
export function resumeBlocks(r: Random, p: Profile): Block[] {
  const fullName = `${p.name.latinFirst} ${p.name.latinLast}`;
  const { family } = p;
  const blocks: Block[] = [
    { kind: 'title', text: fullName },
    { kind: 'subtitle', text: p.title },
    { kind: 'meta', text: [p.email, p.phone, p.location].filter((part) => part !== null).join('  |  ') },
  ];
  const shown = p.links.filter((link) => !link.includes('linkedin') || r.chance(0.7)).slice(0, 2);
  if (shown.length > 0) blocks.push({ kind: 'meta', text: shown.map((link) => link.replace(/^https:\/\/(www\.)?/, '')).join('  |  ') });
  blocks.push({ kind: 'rule' }, { kind: 'heading', text: 'Summary' });
  blocks.push({
    kind: 'paragraph',
    text: `${r.pick(family.summaries)} ${p.years} ${p.years === 1 ? 'year' : 'years'} of experience, most recently as ${indefinite(p.title)} at ${p.employer}.`,
  });
  blocks.push({ kind: 'heading', text: 'Experience' });
  for (const position of p.career) {
    blocks.push({ kind: 'entry', text: `${position.title}, ${position.employer}`, when: `${monthYear(position.start)} \u2013 ${position.end === null ? 'Present' : monthYear(position.end)}` });
    blocks.push({ kind: 'detail', text: `${position.city}  \u00b7  ${position.industry}` });
    if (position.scope !== null) blocks.push({ kind: 'paragraph', text: position.scope });
    for (const achievement of position.achievements) blocks.push({ kind: 'bullet', text: achievement });
    if (position.tools.length > 0) blocks.push({ kind: 'detail', text: `Tools: ${position.tools.join(', ')}` });
  }
  if (p.long || (p.years >= 7 && r.chance(0.5))) {
    blocks.push({ kind: 'heading', text: 'Selected projects' });
    for (const [name, about] of r.sample(family.projects, p.long ? 3 : r.int(2, 3))) blocks.push({ kind: 'entry', text: name }, { kind: 'paragraph', text: about });
  }
  if (p.long) {
    blocks.push({ kind: 'heading', text: 'Talks and writing' });
    const year = new Date(NOW).getUTCFullYear();
    for (const talk of r.sample(TALKS, r.int(2, 4))) {
      const text = talk
        .replace('{skill}', r.pick(p.skills))
        .replace('{years}', String(p.years))
        .replace('{university}', r.pick(p.locale.universities))
        .replace('{department}', family.department.toLowerCase())
        .replace('{year}', String(year - r.int(0, 5)));
      blocks.push({ kind: 'bullet', text });
    }
  }
  blocks.push({ kind: 'heading', text: 'Education' });
  const first = p.career[p.career.length - 1] as Position;
  const graduated = new Date(first.start).getUTCFullYear() - (r.chance(0.3) ? 1 : 0);
  const masters = family.degrees.filter((degree) => /^(M\.|MBA|LL\.M)/.test(degree));
  const bachelors = family.degrees.filter((degree) => !masters.includes(degree));
  if (masters.length > 0 && r.chance(0.3)) {
    blocks.push({ kind: 'entry', text: `${r.pick(masters)}, ${r.pick(p.locale.universities)}`, when: `${graduated - 2} \u2013 ${graduated}` });
    blocks.push({ kind: 'entry', text: `${r.pick(bachelors.length > 0 ? bachelors : masters)}, ${r.pick(p.locale.universities)}`, when: `${graduated - 5} \u2013 ${graduated - 2}` });
  } else {
    blocks.push({ kind: 'entry', text: `${r.pick(family.degrees)}, ${r.pick(p.locale.universities)}`, when: `${graduated - 3} \u2013 ${graduated}` });
  }
  blocks.push({ kind: 'heading', text: 'Skills' }, { kind: 'paragraph', text: p.skills.join(', ') });
  if (r.chance(0.3)) {
    const year = new Date(NOW).getUTCFullYear();
    blocks.push({ kind: 'heading', text: 'Certifications' });
    for (const certification of r.sample(family.certifications, r.int(1, 2))) {
      blocks.push({ kind: 'bullet', text: `${certification} (${year - r.int(0, Math.min(6, p.years))})` });
    }
  }
  blocks.push({ kind: 'heading', text: 'Languages' }, { kind: 'paragraph', text: languages(r, p) });
  if (p.years >= 3 && r.chance(0.45)) {
    blocks.push({ kind: 'heading', text: 'Activities' });
    const since = new Date(NOW).getUTCFullYear() - r.int(1, 4);
    for (const activity of r.sample(ACTIVITIES, r.int(2, 3))) {
      blocks.push({ kind: 'bullet', text: activity.replace('{skill}', r.pick(p.skills)).replace('{year}', String(since)) });
    }
  }
  if (r.chance(0.3)) blocks.push({ kind: 'heading', text: 'Interests' }, { kind: 'paragraph', text: r.sample(INTERESTS, 3).join(', ').replace(/^./, (c) => c.toUpperCase()) });
  return blocks;
}
