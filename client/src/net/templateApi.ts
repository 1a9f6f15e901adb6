// The template endpoints (/api/me/templates/*), signed in with the session cookie.
import type { TemplateSetup, TemplateSummary, TemplateView } from '@world-cafe/shared';
import { request as call } from './api';

const at = (id: string) => `/api/me/templates/${encodeURIComponent(id)}`;

export const listTemplates = () => call<{ templates: TemplateSummary[] }>('GET', '/api/me/templates').then((r) => r.templates);
export const getTemplate = (id: string) => call<TemplateView>('GET', at(id));
export const createTemplate = (t: { name: string; description: string; setup: TemplateSetup }) =>
  call<TemplateView>('POST', '/api/me/templates', t);
export const saveWorkshopAsTemplate = (workshopId: string, name: string, description = '') =>
  call<TemplateView>('POST', '/api/me/templates/from-workshop', { workshopId, name, description });
export const workshopSetup = (workshopId: string) =>
  call<{ title: string; setup: TemplateSetup }>('GET', `/api/me/templates/from-workshop/${encodeURIComponent(workshopId)}`);
export const renameTemplate = (id: string, name: string) => call<{ name: string }>('PATCH', at(id), { name });
export const deleteTemplate = (id: string) => call<void>('DELETE', at(id));
