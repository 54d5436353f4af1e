/** One application's life: played forward from the day it arrives until it is rejected or hired. */
import { DAY, HOUR, MINUTE, officeSlot, workTime } from './calendar.js';
import { DOMAIN, REASONS, type Panel, type StageKind, type StageSpec } from './company.js';
import type { Random } from './random.js';
import type { Job, Person, Stage } from './world.js';

const MAX_INTERVIEWS = 4;

export interface InterviewPlan {
  id: string;
  subject: string;
  createdAt: number;
  start: number;
  end: number;
  stage: Stage;
  interviewers: Person[];
  location: string;
  creator: Person;
  /** When it was cancelled, or when the feedback was in. */
  cancelledAt: number | null;
  decidedAt: number;
}

export interface OfferPlan {
  id: string;
  createdAt: number;
  sentAt: number;
  closedAt: number;
  outcome: 'SIGNED' | 'DENIED' | 'DEPRECATED';
}

export interface Story {
  /** When each reached stage was entered, in pipeline order. */
  entered: number[];
  interviews: InterviewPlan[];
  offers: OfferPlan[];
  end: { kind: 'rejected'; at: number; reason: string } | { kind: 'hired'; at: number };
  /** Moments someone touched the application, for `updatedAt`. */
  touches: number[];
}

const PASS: Readonly<Record<StageKind, number>> = { review: 0.6, screen: 0.68, interview: 0.62, assessment: 0.7, onsite: 0.55, offer: 0.85, hired: 1 };

function videoLink(r: Random): string {
  return `https://meet.${DOMAIN}/${r.letters(3).toLowerCase()}-${r.letters(4).toLowerCase()}-${r.letters(3).toLowerCase()}`;
}

const FLOORS = ['1st', '2nd', '3rd', '4th', '5th'];

/** Plays the application forward from `appliedAt` until it is rejected or hired. */
export function playStory(r: Random, job: Job, owner: Person, appliedAt: number, phone: string | null): Story {
  const { office, stages } = job;
  const entered: number[] = [];
  const interviews: InterviewPlan[] = [];
  const offers: OfferPlan[] = [];
  const touches: number[] = [appliedAt];
  const withInterviews = stages.map((stage): number => (stage.spec.sessions === undefined ? 0 : 1));
  const creator = job.recruiters[job.recruiters.length - 1] as Person;
  let t = appliedAt;

  const panelFor = (panel: Panel): Person[] => {
    const manager = job.hiringManagers[0] as Person;
    if (panel === 'recruiter') return [owner];
    if (panel === 'manager') return r.chance(0.3) ? [...new Set([manager, r.pick(job.team)])] : [manager];
    if (panel === 'final') return [...new Set([manager, ...r.sample(job.team, r.int(1, 2))])];
    return r.sample(job.team, r.int(1, 2));
  };
  const locationFor = (panel: Panel, onsite: boolean): string => {
    if (panel === 'recruiter') return phone !== null && r.chance(0.4) ? `Phone call: ${phone}` : videoLink(r);
    if (office.rooms.length > 0 && r.chance(onsite ? 0.65 : 0.25)) {
      return `${office.name}, Room ${r.pick(office.rooms)} (${r.pick(FLOORS)} floor)`;
    }
    return videoLink(r);
  };
  const schedule = (stage: Stage, subject: string, panel: Panel, createdAt: number, start: number, onsite: boolean): InterviewPlan => {
    const plan: InterviewPlan = {
      id: r.id(),
      subject,
      createdAt,
      start,
      end: start + (r.chance(0.5) ? 45 : 60) * MINUTE,
      stage,
      interviewers: panelFor(panel),
      location: locationFor(panel, onsite),
      creator: r.chance(0.8) ? creator : owner,
      cancelledAt: null,
      decidedAt: 0,
    };
    interviews.push(plan);
    touches.push(createdAt);
    return plan;
  };
  const reject = (reasons: readonly string[], at: number): Story => {
    touches.push(at);
    return { entered, interviews, offers, end: { kind: 'rejected', at, reason: r.pick(reasons) }, touches };
  };

  for (let k = 0; k < stages.length; k++) {
    const stage = stages[k] as Stage;
    const spec = stage.spec;
    entered.push(t);
    if (k > 0) touches.push(t);
    if (spec.kind === 'hired') return { entered, interviews, offers, end: { kind: 'hired', at: t }, touches };
    if (r.chance(k === 0 ? 0.01 : 0.04)) return reject(REASONS.withdrew, workTime(r, t + r.between(1, 6) * DAY, office));

    if (spec.kind === 'review') {
      const decided = workTime(r, t + (r.chance(0.2) ? r.between(5, 25) : r.between(0.1, 5)) * DAY, office);
      if (!r.chance(PASS.review)) return reject(REASONS.review, decided);
      t = decided;
    } else if (spec.kind === 'assessment') {
      const decided = workTime(r, t + r.between(3, 9) * DAY, office);
      if (!r.chance(PASS.assessment)) return reject(REASONS.assessment, decided);
      t = decided;
    } else if (spec.kind === 'offer') {
      let created = workTime(r, t + r.between(0.5, 3) * DAY, office);
      if (r.chance(0.15)) {
        const sent = workTime(r, created + r.between(1, 24) * HOUR, office);
        const revised = workTime(r, sent + r.between(2, 6) * DAY, office);
        offers.push({ id: r.id(), createdAt: created, sentAt: sent, closedAt: revised, outcome: 'DEPRECATED' });
        touches.push(created, sent);
        created = revised;
      }
      const sent = workTime(r, created + r.between(1, 30) * HOUR, office);
      const closed = workTime(r, sent + r.between(1, 8) * DAY, office);
      const accepted = r.chance(PASS.offer);
      offers.push({ id: r.id(), createdAt: created, sentAt: sent, closedAt: closed, outcome: accepted ? 'SIGNED' : 'DENIED' });
      touches.push(created, sent, closed);
      if (!accepted) return reject(REASONS.declined, closed);
      t = closed + r.between(0, 2) * DAY;
    } else {
      // screen, interview, onsite: schedule, maybe reschedule, then decide.
      const sessions = spec.sessions as NonNullable<StageSpec['sessions']>;
      const stillNeeded = withInterviews.slice(k + 1).reduce((a, b) => a + b, 0);
      let spare = MAX_INTERVIEWS - interviews.length - stillNeeded - 1;
      let createdAt = workTime(r, t + r.between(0.1, 2) * DAY, office);
      let start = officeSlot(r, createdAt, office, spec.kind === 'onsite' ? r.int(4, 10) : r.int(1, 6));
      if (spare > 0 && r.chance(0.08)) {
        const [subject, panel] = sessions[0] as readonly [string, Panel];
        const cancelled = schedule(stage, subject, panel, createdAt, start, spec.kind === 'onsite');
        const cancelledAt = createdAt + (start - createdAt) * r.between(0.2, 0.9);
        cancelled.cancelledAt = cancelledAt;
        cancelled.decidedAt = cancelledAt;
        touches.push(cancelledAt);
        spare--;
        createdAt = cancelledAt;
        start = officeSlot(r, start, office, r.int(2, 6));
      }
      const chosen = spec.kind === 'onsite' ? r.sample(sessions, 1 + Math.max(0, Math.min(spare, r.int(1, 2)))) : sessions.slice(0, 1);
      const planned: InterviewPlan[] = [];
      for (const [subject, panel] of chosen) {
        const plan = schedule(stage, subject, panel, createdAt, start, spec.kind === 'onsite');
        planned.push(plan);
        start = plan.end + (r.chance(0.5) ? 15 : 0) * MINUTE;
      }
      const lastEnd = (planned[planned.length - 1] as InterviewPlan).end;
      const decided = workTime(r, lastEnd + r.between(3, 96) * HOUR, office);
      for (const plan of planned) plan.decidedAt = decided;
      if (!r.chance(PASS[spec.kind])) return reject(spec.kind === 'screen' ? REASONS.screen : REASONS.interview, decided);
      t = decided;
    }
  }
  throw new Error('unreachable: every pipeline ends with Hired');
}
