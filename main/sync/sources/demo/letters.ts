/** Letters: the candidate's cover letter, and the offer letter the company sends. */
import { DAY, longDate, mondayAfter } from './calendar.js';
import { COMPANY } from './company.js';
import type { Block } from './documents/blocks.js';
import { asClause, formatMoney, grouped, indefinite, listing, withArticle } from './format.js';
import type { Random } from './random.js';
import type { Profile } from './resume.js';
import type { OfferPlan } from './story.js';
import type { Job, Person } from './world.js';

const DRAWS = [
  `the chance to work on tools that make hiring fairer, and a team that clearly cares about the craft`,
  `a product I have seen recruiters actually enjoy using, and the way ${COMPANY} writes openly about how it works`,
  `the focus on candidates' experience, which I have seen neglected too often`,
  `the size of the problem: hiring is still run on spreadsheets and good intentions in most companies`,
];

/** A cover letter for `job`, written on `date`. */
export function coverLetterBlocks(r: Random, p: Profile, job: Job, date: number): Block[] {
  const fullName = `${p.name.first} ${p.name.last}`;
  const greeting = r.pick(['Dear Hiring Team,', `Dear ${COMPANY} team,`, 'Dear Hiring Manager,', `Dear ${job.hiringManagers[0]?.name.latinFirst ?? 'Hiring Manager'},`]);
  const closing = r.pick(['Kind regards,', 'Best regards,', 'Sincerely,', 'Thank you,', 'Best wishes,']);
  const achievement = p.career[0]?.achievements[0] ?? r.pick(job.family.bullets);
  const skills = p.skills.slice(0, r.int(2, 3));
  const blocks: Block[] = [
    { kind: 'title', text: fullName },
    { kind: 'meta', text: p.location },
    { kind: 'meta', text: [p.email, p.phone].filter((part) => part !== null).join(' · ') },
    { kind: 'lines', lines: [longDate(date)] },
    { kind: 'paragraph', text: greeting },
    {
      kind: 'paragraph',
      text:
        `I am writing to apply for the ${job.title} position ${job.office.where}. For the past ${p.years} ${p.years === 1 ? 'year' : 'years'} I have worked as ${indefinite(p.title)}, ` +
        `currently at ${p.employer}, where I ${asClause(achievement)}.`,
    },
    {
      kind: 'paragraph',
      text: `I would describe myself as ${withArticle(r.pick(job.family.summaries))} Day to day I work with ${listing(skills)}. What draws me to ${COMPANY} is ${r.pick(DRAWS)}.`,
    },
  ];
  if (r.chance(0.4)) {
    const previous = p.career[1];
    blocks.push({
      kind: 'paragraph',
      text:
        previous === undefined
          ? `Before that, I studied at ${r.pick(p.locale.universities)}, where I first got interested in ${job.family.department.toLowerCase()} work.`
          : `Before ${p.employer}, I was ${indefinite(previous.title)} at ${previous.employer}, where I ${asClause(previous.achievements[0] ?? r.pick(job.family.bullets))}.`,
    });
  }
  blocks.push(
    { kind: 'paragraph', text: `I would welcome the chance to talk about how I could contribute to the ${job.family.department} team.` },
    { kind: 'lines', lines: [closing, fullName] },
  );
  return blocks;
}

export interface OfferTerms {
  salary: number;
  stockOptions: number;
  start: number;
  manager: Person;
}

/** The salary offered for `job`, in the office's currency: the family's base, scaled by level and place. */
export function offerTerms(r: Random, job: Job, offer: OfferPlan): OfferTerms {
  const level = /^(Senior|Lead)/.test(job.title) ? 1.3 : /^(Staff|Principal)/.test(job.title) ? 1.6 : /^Junior/.test(job.title) ? 0.75 : 1;
  const salary = Math.round(job.family.salary * level * job.office.pay * r.between(0.92, 1.1)) * 1000;
  const stockOptions = Math.round(level * r.between(8, 20)) * 100;
  return { salary, stockOptions, start: mondayAfter(offer.sentAt, 28), manager: job.hiringManagers[0] as Person };
}

const EU_PROBATION: Readonly<Record<string, string>> = { DE: 'Six months', PL: 'Three months', GB: 'Three months', BR: 'Ninety days', IN: 'Six months' };

/** The offer letter the People team sends for a signed-off offer. */
export function offerLetterBlocks(p: Profile, job: Job, offer: OfferPlan, terms: OfferTerms): Block[] {
  const { office, family } = job;
  const manager = `${terms.manager.name.latinFirst} ${terms.manager.name.latinLast}`;
  const sales = family.code === 'SAL';
  const rows: [string, string][] = [
    ['Position', job.title],
    ['Team', family.department],
    ['Location', office.rooms.length > 0 ? office.location : `${office.location} (remote)`],
    ['Reporting to', `${manager}, Hiring Manager, ${family.department}`],
    ['Start date', longDate(terms.start)],
    ['Base salary', `${formatMoney(terms.salary, office.currency)} per year, paid monthly`],
    sales
      ? ['Commission', `${formatMoney(terms.salary * 0.6, office.currency)} on-target earnings at 100% of quota`]
      : ['Bonus', 'Company bonus plan, target 8% of base salary'],
    ['Equity', `${grouped(terms.stockOptions)} stock options, vesting over four years with a one-year cliff`],
    ['Holidays', office.country === 'US' ? '25 days of paid time off, plus public holidays' : '30 days a year, plus public holidays'],
  ];
  const probation = EU_PROBATION[office.country];
  if (probation !== undefined) rows.push(['Probation period', probation]);
  return [
    { kind: 'title', text: office.entity },
    { kind: 'meta', text: office.address },
    { kind: 'rule' },
    { kind: 'lines', lines: [longDate(offer.sentAt), 'Private and confidential'] },
    { kind: 'paragraph', text: `Dear ${p.name.latinFirst} ${p.name.latinLast},` },
    {
      kind: 'paragraph',
      text:
        `We are delighted to offer you the position of ${job.title} in our ${family.department} team, ${office.rooms.length > 0 ? 'based' : 'working'} ${office.where}. ` +
        `Everyone you met was impressed, and we would love for you to join us.`,
    },
    { kind: 'heading', text: 'Your offer' },
    { kind: 'fields', rows },
    {
      kind: 'paragraph',
      text:
        `Your employment contract will follow once you accept. This offer is valid until ${longDate(offer.sentAt + 7 * DAY)} and is subject to the usual ` +
        `right-to-work checks. Please sign and return this letter to confirm your acceptance.`,
    },
    { kind: 'paragraph', text: 'We very much look forward to working with you.' },
    { kind: 'lines', lines: ['Sincerely,', manager, `Hiring Manager, ${family.department}, on behalf of ${office.entity}`] },
    { kind: 'paragraph', text: 'Accepted: ______________________________   Date: ______________' },
  ];
}
