/**
 * The working files around an application: a take-home's README, notes on a design or
 * writing exercise, an assessment's score sheet, a list of references, and the profile a
 * recruitment agency sends with its candidate.
 */
import { COMPANY } from './company.js';
import type { Block } from './documents/blocks.js';
import { formatMoney, handle, withArticle } from './format.js';
import { personName } from './names.js';
import type { Random } from './random.js';
import type { Profile } from './resume.js';
import type { Job } from './world.js';

const TAKE_HOMES = [
  { project: 'Interview scheduling API', brief: 'an HTTP API that books interview slots across interviewers\' calendars without double-booking anyone' },
  { project: 'Rate limiter', brief: 'a rate limiter for the public API, per API key, that survives a restart and works across several instances' },
  { project: 'Candidate CSV import', brief: 'an importer for candidate CSV files of up to a million rows that reports every bad row with its line number' },
  { project: 'Job board search', brief: 'a search endpoint over open jobs with filters, typo tolerance and pagination' },
];

function runCommands(skills: readonly string[]): string {
  if (skills.includes('Go')) return 'go build ./...\ngo test ./...\ngo run ./cmd/server --port 8080';
  if (skills.includes('Python')) return 'python -m venv .venv && . .venv/bin/activate\npip install -r requirements.txt\npytest\nuvicorn app.main:app --port 8080';
  if (skills.includes('Kotlin') || skills.includes('Java')) return './gradlew test\n./gradlew run --args="--port 8080"';
  if (skills.includes('Rust')) return 'cargo test\ncargo run --release -- --port 8080';
  return 'npm install\nnpm test\nnpm start -- --port 8080';
}

/** The README of an engineering take-home assignment, in Markdown. */
export function takeHomeBlocks(r: Random, p: Profile): Block[] {
  const { project, brief } = r.pick(TAKE_HOMES);
  const storage = p.skills.includes('PostgreSQL') || r.chance(0.5) ? 'PostgreSQL' : 'SQLite';
  const blocks: Block[] = [
    { kind: 'title', text: `${project}: take-home for ${COMPANY}` },
    { kind: 'paragraph', text: `My solution to the take-home assignment: ${brief}. It took me about ${r.int(3, 6)} hours, tests included.` },
    { kind: 'heading', text: 'Running it' },
    { kind: 'code', text: runCommands(p.skills) },
    { kind: 'paragraph', text: `The server reads its settings from the environment; \`.env.example\` lists them. Data lives in ${storage}, created on first start.` },
    { kind: 'heading', text: 'Design decisions' },
  ];
  const decisions = [
    `${storage} rather than an in-memory store, so that the behaviour survives a restart.`,
    'Every write runs in one transaction; concurrent requests are serialised by a row lock, not by the application.',
    'Input is validated at the boundary and errors come back as JSON with a message a person can read.',
    'I kept the layers thin: handlers, a service, and the storage, with no framework beyond the HTTP router.',
    'Tests cover the edge cases I could think of: empty input, duplicates, time zones, and two requests at once.',
    'Time comes from an injected clock, so tests never sleep.',
  ];
  for (const decision of r.sample(decisions, r.int(3, 4))) blocks.push({ kind: 'bullet', text: decision });
  blocks.push({ kind: 'heading', text: 'What I would do next' });
  const next = ['Add metrics and a dashboard for latency and error rates.', 'Load-test it at ten times the expected traffic.', 'Add pagination to the listing endpoints.', 'Write an OpenAPI description and generate the client from it.', 'Move the configuration to a typed schema with defaults.'];
  for (const step of r.sample(next, r.int(2, 3))) blocks.push({ kind: 'bullet', text: step });
  return blocks;
}

const EXERCISES = {
  DES: [
    { title: 'Redesign the interview feedback form', problem: 'Interviewers submit feedback late, and what they write is hard to compare across candidates.' },
    { title: 'A candidate portal for tracking an application', problem: 'Candidates email recruiters to ask where they stand, and recruiters spend hours answering.' },
    { title: 'Scheduling a panel interview on mobile', problem: 'Coordinators schedule on the go, and the desktop flow does not fit a phone.' },
  ],
  MKT: [
    { title: 'Launch plan for structured interview kits', problem: 'We are launching interview kits to existing customers and want 30% of them to try it in the first quarter.' },
    { title: 'Positioning against spreadsheets', problem: 'Most of our prospects run hiring in spreadsheets; our messaging talks to people who already use an ATS.' },
    { title: 'A content plan for hiring managers', problem: 'Hiring managers use the product every week, but our content only speaks to recruiters.' },
  ],
} as const satisfies Record<string, readonly { title: string; problem: string }[]>;

/** The families whose assessment is an exercise handed in as notes. */
export type ExerciseFamily = keyof typeof EXERCISES;
export const isExerciseFamily = (code: string): code is ExerciseFamily => code in EXERCISES;

/** Notes handed in for a design exercise or a written marketing exercise, in Markdown. */
export function exerciseBlocks(r: Random, p: Profile, job: Job, family: ExerciseFamily): Block[] {
  const exercises: readonly { title: string; problem: string }[] = EXERCISES[family];
  const { title, problem } = r.pick(exercises);
  const design = family === 'DES';
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'meta', text: `${p.name.latinFirst} ${p.name.latinLast}, for the ${job.title} role at ${COMPANY}` },
    { kind: 'heading', text: 'The problem' },
    { kind: 'paragraph', text: problem },
    { kind: 'heading', text: design ? 'What I learned' : 'Audience and goal' },
  ];
  const findings = design
    ? ['I spoke to four recruiters and two hiring managers I know.', 'Everyone wanted fewer fields, but nobody agreed which ones.', 'Feedback written on the same day is twice as long as feedback written later.', 'People look for one thing first: is this a yes or a no?', 'Most of the time is lost switching between the calendar and the ATS.']
    : ['Primary audience: heads of talent at companies of 200 to 2,000 people.', 'Secondary: hiring managers, who feel the pain but do not buy.', 'Goal: trials from existing customers, measured weekly.', 'What they believe today: structure slows hiring down.', 'What we want them to believe: structure makes hiring faster and fairer.'];
  for (const finding of r.sample(findings, r.int(3, 4))) blocks.push({ kind: 'bullet', text: finding });
  blocks.push({ kind: 'heading', text: design ? 'The proposal' : 'The plan' });
  blocks.push({
    kind: 'paragraph',
    text: design
      ? 'A single screen with the decision first, three structured questions with a short free-text answer each, and a reminder the evening after the interview. I sketched three options and tested the clickable prototype with five people.'
      : 'Three phases over twelve weeks: a teaser to admins, a launch webinar with a customer, then in-product prompts for hiring managers. Each phase has one metric and one owner.',
  });
  blocks.push({ kind: 'heading', text: 'Open questions' });
  const questions = ['How does this work for panels of more than four people?', 'What do we show when feedback is overdue?', 'Which customers can we name in public?', 'Do we localise the first version?'];
  for (const question of r.sample(questions, 2)) blocks.push({ kind: 'bullet', text: question });
  return blocks;
}

const CRITERIA = {
  DAT: ['Correctness of queries', 'Joins and aggregation', 'Window functions', 'Handling of NULLs and edge cases', 'Readability', 'Explanation of results'],
  CS: ['Written tone and empathy', 'Accuracy of the answer', 'Troubleshooting approach', 'Prioritisation of the ticket queue', 'Product knowledge'],
  FIN: ['Three-statement linkage', 'Accuracy of the reconciliation', 'Revenue recognition treatment', 'Excel modelling practice', 'Commentary for management'],
} as const satisfies Record<string, readonly string[]>;

/** The families whose assessment is scored on a sheet. */
export type ScoredFamily = keyof typeof CRITERIA;
export const isScoredFamily = (code: string): code is ScoredFamily => code in CRITERIA;

/** The score sheet of an assessment: one row per criterion, scored 1 to 5 by a member of the team. */
export function scoreSheetRows(r: Random, job: Job, family: ScoredFamily, passed: boolean): string[][] {
  const criteria: readonly string[] = CRITERIA[family];
  const reviewer = r.pick(job.team);
  const rows = [['Criterion', 'Weight', 'Score (1-5)', 'Reviewer', 'Comment']];
  const comments = passed
    ? ['Clear and correct.', 'Strong, with a small slip.', 'Well reasoned.', 'Above what we expect at this level.', 'Good; could be more concise.']
    : ['Incomplete.', 'Several errors.', 'Did not address the question.', 'Correct idea, wrong execution.', 'Below the bar for this level.'];
  for (const criterion of r.sample(criteria, r.int(4, criteria.length))) {
    const score = passed ? r.int(3, 5) : r.int(1, 3);
    rows.push([criterion, String(r.pick([10, 15, 20, 25])), String(score), reviewer.email, r.pick(comments)]);
  }
  return rows;
}

const RELATIONSHIPS = ['Former manager', 'Former manager', 'Colleague', 'Skip-level manager', 'Client', 'Direct report'];

/** The references a candidate gives at the offer stage, with the employers of their résumé. */
export function referenceRows(r: Random, p: Profile): string[][] {
  const rows = [['Name', 'Relationship', 'Company', 'Email', 'Phone', 'May we contact them now?']];
  const employers = p.career.map((position) => position.employer);
  for (let i = 0; i < r.int(2, 3); i++) {
    const name = personName(r, p.locale);
    const company = employers[Math.min(i, employers.length - 1)] as string;
    const domain = `${handle(company)}.example`;
    const phone = p.phone === null ? '' : p.phone.replace(/\d{4}$/, r.digits(4));
    rows.push([`${name.latinFirst} ${name.latinLast}`, r.pick(RELATIONSHIPS), company, `${handle(name.latinFirst)}.${handle(name.latinLast)}@${domain}`, phone, i === 0 && r.chance(0.5) ? 'After an offer' : 'Yes']);
  }
  return rows;
}

export const AGENCIES = ['Brightpath Talent Partners', 'Meridian Search', 'Keystone Recruitment', 'Northstar Executive Search', 'Harbour & Hale Recruitment'];

/** The profile an agency sends with its candidate: a plain-text summary. */
export function agencyProfileBlocks(r: Random, p: Profile, job: Job, agency: string): Block[] {
  const consultant = personName(r, p.locale);
  const expectation = Math.round(job.family.salary * job.office.pay * r.between(0.95, 1.25)) * 1000;
  return [
    { kind: 'title', text: `Candidate profile: ${p.name.latinFirst} ${p.name.latinLast}` },
    { kind: 'meta', text: `Submitted by ${agency} for the ${job.title} role at ${COMPANY}` },
    {
      kind: 'fields',
      rows: [
        ['Current position', `${p.title}, ${p.employer}`],
        ['Experience', `${p.years} ${p.years === 1 ? 'year' : 'years'}`],
        ['Location', p.location],
        ['Notice period', r.pick(['Immediately available', 'Two weeks', 'One month', 'Three months'])],
        ['Salary expectation', `${formatMoney(expectation, job.office.currency)} base`],
        ['Right to work', r.pick(['Yes', 'Yes', 'Requires sponsorship'])],
      ],
    },
    { kind: 'heading', text: 'Why we are putting them forward' },
    { kind: 'paragraph', text: `${p.name.latinFirst} is ${withArticle(r.pick(job.family.summaries))} Key skills: ${p.skills.slice(0, 4).join(', ')}.` },
    { kind: 'paragraph', text: `Our fee terms are as agreed in the master services agreement. Please reply to ${handle(consultant.latinFirst)}.${handle(consultant.latinLast)}@${handle(agency)}.example to arrange interviews.` },
  ];
}
