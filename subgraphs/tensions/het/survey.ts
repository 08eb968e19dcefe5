/** Answers of the satisfaction survey (codes.ts SURVEY_QUESTIONS): checked per question, stored typed. */
import { bad } from '../crisis/validate.js';
import { SURVEY_QUESTIONS, type SurveyQuestion } from './codes.js';

export interface AnswerInput {
  question: string;
  value: string;
}

function typed(q: SurveyQuestion, raw: string, field: string): string | number | boolean {
  const value = raw.trim();
  if (q.kind === 'YES_NO') {
    if (value !== 'true' && value !== 'false') throw bad(field, `${q.code} is answered "true" or "false".`);
    return value === 'true';
  }
  if (q.kind === 'SCALE_1_5') {
    if (!/^[1-5]$/.test(value)) throw bad(field, `${q.code} is answered with a whole number from 1 to 5.`);
    return Number(value);
  }
  if (value.length > 4000) throw bad(field, `${q.code} holds at most 4000 characters.`);
  return value;
}

/** Question code → value; every required question answered, none twice, none unknown. */
export function surveyAnswers(answers: readonly AnswerInput[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  answers.forEach((a, i) => {
    const field = `answers.${i}.value`;
    const question = SURVEY_QUESTIONS.find((q) => q.code === a.question);
    if (!question) throw bad(`answers.${i}.question`, `Unknown survey question ${a.question.slice(0, 40)}.`);
    if (Object.hasOwn(out, a.question)) throw bad(`answers.${i}.question`, `${a.question} is answered twice.`);
    const value = typed(question, a.value, field);
    if (value !== '') out[a.question] = value;
  });
  const missing = SURVEY_QUESTIONS.filter((q) => q.required && !Object.hasOwn(out, q.code));
  if (missing.length) throw bad('answers', `Unanswered questions: ${missing.map((q) => q.code).join(', ')}.`);
  return out;
}
