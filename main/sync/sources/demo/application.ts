/** One application: its candidate, job, story, and what the ATS shows of it at the demo's "now". */
import { buildAttachments, type Candidate } from './attachments.js';
import { DAY, HOUR, NOW, iso, workTime } from './calendar.js';
import { EMPLOYERS, REASONS, titled } from './company.js';
import { handle } from './format.js';
import { COUNTRIES, LOCALE_WEIGHTS, personName, phoneNumber } from './names.js';
import { Random } from './random.js';
import { playStory } from './story.js';
import { pickJob, stageOf, user, type Person, type Stage, type World } from './world.js';

type Json = Record<string, unknown>;

export function buildApplication(world: World, seedKey: string, index: number): Json {
  const r = new Random(`${seedKey}\u0000application\u0000${index}`);
  const job = pickJob(r, world);
  const locale = r.weighted(LOCALE_WEIGHTS);
  const name = personName(r, locale);
  const applicationId = r.id();
  const candidateId = r.id();

  // Contacts
  const [homeCity, homeCountry] = r.pick(locale.cities);
  const movedToOffice = job.office.rooms.length > 0 && r.chance(0.18);
  const location = movedToOffice ? job.office.location.replace(/, [^,]+, /, ', ') : `${homeCity}, ${COUNTRIES[homeCountry].name}`;
  const first = handle(name.latinFirst, locale.german);
  const last = handle(name.latinLast, locale.german);
  const domain = r.pick(locale.mail);
  const year = String(r.int(78, 103) % 100).padStart(2, '0');
  const local =
    domain === 'qq.com'
      ? `${r.int(1, 9)}${r.digits(r.int(7, 9))}`
      : r.weighted([
          [`${first}.${last}`, 5], [`${first}${last}`, 2], [`${first[0]}${last}`, 2], [`${first}.${last}${year}`, 2],
          [`${last}.${first}`, 1], [`${first}_${last}`, 1], [`${first}${last}${r.int(1, 99)}`, 1],
        ] as const);
  const emails = [{ type: 'PERSONAL', email: `${local}@${domain}` }];
  const [employer, employerDomain] = r.pick(EMPLOYERS);
  if (r.chance(0.18)) emails.push({ type: 'WORK', email: `${first}.${last}@${employerDomain}` });
  const phones: { type: string; phoneNumber: string }[] = [];
  const mobileCountry = movedToOffice && r.chance(0.5) ? job.office.country : homeCountry;
  if (r.chance(0.93)) phones.push({ type: 'PERSONAL', phoneNumber: phoneNumber(r, mobileCountry) });
  if (r.chance(0.12)) phones.push({ type: 'WORK', phoneNumber: phoneNumber(r, homeCountry) });
  if (r.chance(0.04)) phones.push({ type: 'SKYPE', phoneNumber: `live:.cid.${r.digits(4)}${r.letters(4).toLowerCase()}${r.digits(4)}` });
  const links: string[] = [];
  const nick = r.pick([`${first}${last}`, `${first[0]}${last}`, `${first}-${last}`, `${last}${first[0]}`, `${first}${r.int(1, 99)}`]);
  if (r.chance(0.8)) {
    const linkedin = `www.linkedin.com/in/${first}-${last}-${r.int(0x1000000, 0xfffffff).toString(16)}`;
    links.push(r.chance(0.08) ? linkedin : `https://${linkedin}`);
  }
  const family = job.family;
  if (family.links === 'code') {
    if (r.chance(0.6)) links.push(`https://github.com/${nick}`);
    if (r.chance(0.12)) links.push(`https://${nick}.github.io`);
  } else if (family.links === 'design') {
    links.push(r.chance(0.5) ? `https://dribbble.com/${nick}` : `https://www.behance.net/${nick}`);
  } else if (family.links === 'data') {
    if (r.chance(0.4)) links.push(`https://github.com/${nick}`);
    if (r.chance(0.15)) links.push(`https://www.kaggle.com/${nick}`);
  } else if (r.chance(0.06)) links.push(`https://medium.com/@${nick}`);

  // Who
  const origin = r.weighted([['EXTERNAL', 65], ['REFERRAL', 20], ['AGENCY', 15]] as const);
  const owner = r.chance(0.85) ? (job.recruiters[0] as Person) : r.pick(world.recruiters);
  const creditedTo = origin === 'REFERRAL' ? r.pick(world.everyone) : origin === 'EXTERNAL' && r.chance(0.3) ? r.pick(world.recruiters) : owner;

  // When: most applications are recent; a closed job stopped taking them when it closed.
  const bound = job.closedAt ?? NOW;
  const earliest = Math.max(job.createdAt + HOUR, Math.min(NOW - 330 * DAY, bound - 45 * DAY));
  const appliedAt = Math.max(earliest, bound - (bound - earliest) * r.next() ** 2.6 - r.between(1, 20) * HOUR);
  const story = playStory(r, job, owner, appliedAt, phones[0]?.phoneNumber ?? null);

  // What had happened by `bound`; a closed job rejects whoever was still in process.
  const cut = story.end.at <= bound ? story.end.at : bound;
  const stillOpen = story.end.at > bound;
  const closedOut = stillOpen && job.closedAt !== null;
  const rejectedAt = closedOut ? Math.min(NOW - HOUR, workTime(r, bound + r.between(0, 2) * DAY, job.office)) : null;
  let stageIndex = 0;
  while (stageIndex + 1 < story.entered.length && (story.entered[stageIndex + 1] as number) <= cut) stageIndex++;
  const status = stillOpen ? (closedOut ? 'REJECTED' : 'ACTIVE') : story.end.kind === 'hired' ? 'HIRED' : 'REJECTED';

  const interviews = story.interviews
    .filter((plan) => plan.createdAt <= cut)
    .map((plan) => {
      let interviewStatus: string;
      if (plan.cancelledAt !== null && plan.cancelledAt <= cut) interviewStatus = 'CANCELLED';
      else if (plan.decidedAt <= cut) interviewStatus = 'COMPLETE';
      else if (plan.end <= cut) interviewStatus = closedOut ? 'COMPLETE' : 'AWAITING_FEEDBACK';
      else interviewStatus = closedOut ? 'CANCELLED' : 'SCHEDULED';
      return {
        id: plan.id,
        subject: plan.subject,
        createdAt: iso(plan.createdAt),
        scheduledStart: iso(plan.start),
        scheduledEnd: iso(plan.end),
        stage: stageOf(plan.stage),
        interviewers: plan.interviewers.map(user),
        location: plan.location,
        creator: user(plan.creator),
        status: interviewStatus,
      };
    });
  const offerPlans = story.offers.filter((offer) => offer.createdAt <= cut);
  const offers = offerPlans.map((offer) => {
    const closed = offer.closedAt <= cut;
    return {
      id: offer.id,
      status: closed ? offer.outcome : closedOut ? 'DEPRECATED' : 'IN_PROGRESS',
      createdAt: iso(offer.createdAt),
      sentAt: offer.sentAt <= cut ? iso(offer.sentAt) : null,
      closedAt: closed ? iso(offer.closedAt) : rejectedAt !== null ? iso(rejectedAt) : null,
    };
  });
  let rejection: Json = {};
  if (status === 'REJECTED') {
    const at = rejectedAt ?? story.end.at;
    const reason = rejectedAt !== null ? r.pick(REASONS.closed) : story.end.kind === 'rejected' ? story.end.reason : '';
    rejection = { id: r.id(), text: reason, rejectedAt: iso(at) };
  }
  let updatedAt = appliedAt;
  for (const touch of story.touches) if (touch <= cut && touch > updatedAt) updatedAt = touch;
  if (rejectedAt !== null) updatedAt = rejectedAt;

  // Attachments
  const years = r.int(1, 14);
  const seniorLevels = family.levels.map(([level]) => level).filter((level) => level !== '' && level !== 'Junior ');
  const level = years >= 9 ? r.pick(seniorLevels) : years >= 5 ? r.pick(['Senior ', '']) : '';
  const candidate: Candidate = {
    name, locale, family, employer, years, links,
    country: homeCountry,
    email: (emails[0] as { email: string }).email,
    phone: phones.find((phone) => phone.type !== 'SKYPE')?.phoneNumber ?? null,
    location,
    title: titled(level, r.pick(family.roles)),
  };
  const attachments = buildAttachments(r, candidate, job, {
    appliedAt,
    origin,
    entered: story.entered.slice(0, stageIndex + 1),
    until: updatedAt,
    rejected: status === 'REJECTED',
    sentOffers: offerPlans.filter((offer) => offer.sentAt <= cut),
  });

  return {
    info: {
      id: applicationId,
      status,
      candidate: { id: candidateId, firstName: name.first, lastName: name.last, phones, emails, links, location },
      origin,
      appliedAt: iso(appliedAt),
      updatedAt: iso(updatedAt),
      jobId: job.id,
      owner: user(owner),
      creditedTo: user(creditedTo),
    },
    currentStage: stageOf(job.stages[stageIndex] as Stage),
    interviews,
    rejection,
    offers,
    attachments,
  };
}

