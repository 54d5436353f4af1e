/** The `ats_jobs` models: titles, departments and ordered pipeline stages for jobs. */
import { JOB_STATUSES, normaliseEnum } from './enums.js';
import { readStage, readUser, type Stage, type User } from './applications.js';
import { ParseError, bool, describe, isObject, isoDate, list, optionalObject, text, type JsonObject } from './values.js';

export const JOB_MODEL_KEYS = ['info', 'departments', 'offices', 'hiringManagers', 'recruiters', 'stages'] as const;

export interface JobInfo {
  id: string | null;
  title: string | null;
  description: string | null;
  status: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  closedAt: string | null;
  isConfidential: boolean | null;
  infoUrl: string | null;
  applyUrl: string | null;
}
export interface Department {
  id: string | null;
  name: string | null;
}
export interface Office {
  id: string | null;
  name: string | null;
  location: string | null;
}
export interface JobModels {
  info?: JobInfo;
  departments?: Department[];
  offices?: Office[];
  hiringManagers?: User[];
  recruiters?: User[];
  /** The job's pipeline stages, in order. */
  stages?: Stage[];
}

function readJobInfo(value: unknown, path: string): JobInfo {
  if (!isObject(value)) throw new ParseError(path, `expected an object, got ${describe(value)}`);
  return {
    id: text(value.id, `${path}.id`),
    title: text(value.title ?? value.name, `${path}.title`),
    description: text(value.description, `${path}.description`),
    status: normaliseEnum(value.status, JOB_STATUSES),
    createdAt: isoDate(value.createdAt),
    updatedAt: isoDate(value.updatedAt),
    closedAt: isoDate(value.closedAt),
    isConfidential: bool(value.isConfidential),
    infoUrl: text(value.infoUrl, `${path}.infoUrl`),
    applyUrl: text(value.applyUrl, `${path}.applyUrl`),
  };
}

function readNamed<T>(value: unknown, path: string, read: (obj: JsonObject, at: string) => T): T[] {
  const items: T[] = [];
  list(value).forEach((item, i) => {
    const obj = optionalObject(item, `${path}[${i}]`);
    if (obj !== null) items.push(read(obj, `${path}[${i}]`));
  });
  return items;
}

function readUsers(value: unknown, path: string): User[] {
  return list(value)
    .map((item, i) => readUser(item, `${path}[${i}]`))
    .filter((user): user is User => user !== null);
}

export function readJobModels(eventData: JsonObject, path = 'eventData'): JobModels {
  const models: JobModels = {};
  if ('info' in eventData) models.info = readJobInfo(eventData.info, `${path}.info`);
  if ('departments' in eventData) {
    models.departments = readNamed(eventData.departments, `${path}.departments`, (obj, at) => ({
      id: text(obj.id, `${at}.id`),
      name: text(obj.name, `${at}.name`),
    }));
  }
  if ('offices' in eventData) {
    models.offices = readNamed(eventData.offices, `${path}.offices`, (obj, at) => ({
      id: text(obj.id, `${at}.id`),
      name: text(obj.name, `${at}.name`),
      location: text(obj.location, `${at}.location`),
    }));
  }
  if ('hiringManagers' in eventData) models.hiringManagers = readUsers(eventData.hiringManagers, `${path}.hiringManagers`);
  if ('recruiters' in eventData) models.recruiters = readUsers(eventData.recruiters, `${path}.recruiters`);
  if ('stages' in eventData) {
    models.stages = list(eventData.stages)
      .map((item, i) => readStage(item, `${path}.stages[${i}]`))
      .filter((stage): stage is Stage => stage !== null);
  }
  return models;
}
