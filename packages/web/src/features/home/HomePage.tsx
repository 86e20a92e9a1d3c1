import { Card, Heading, Link as DsLink, ListItem, ListUnordered, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '@eidor/contract';
import { hasWorkQueue, mayFindPeople } from '../../app/nav.ts';
import { PageHeading } from '../../components/PageHeading.tsx';

type Task = { to: '/tasks' | '/people' | '/settlement' | '/housing' | '/admin/units' | '/admin/users' | '/audit' | '/account'; title: string; body: string };

/** The start page: who you are here, your roles, and the way to what you may do. */
export function HomePage({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const has = (p: SessionView['permissions'][number]) => session.permissions.includes(p);

  const roles = session.assignments.map((a) => a.role);
  const tasks: Task[] = [];
  if (hasWorkQueue(roles)) tasks.push({ to: '/tasks', title: t('nav.tasks'), body: t('home.tasks.tasks') });
  if (mayFindPeople(roles)) {
    tasks.push({ to: '/people', title: t('nav.people'), body: has('persons.register') ? t('home.tasks.peopleRegister') : t('home.tasks.peopleRead') });
  }
  if (has('settlement.view')) tasks.push({ to: '/settlement', title: t('nav.settlement'), body: has('settlement.manage') ? t('home.tasks.settlementManage') : t('home.tasks.settlementView') });
  if (has('housing.view')) tasks.push({ to: '/housing', title: t('nav.housing'), body: has('housing.manage') ? t('home.tasks.housingManage') : t('home.tasks.housingView') });
  if (has('units.manage')) tasks.push({ to: '/admin/units', title: t('nav.units'), body: t('home.tasks.units') });
  if (has('users.manage')) tasks.push({ to: '/admin/users', title: t('nav.users'), body: t('home.tasks.usersManage') });
  else if (has('users.read')) tasks.push({ to: '/admin/users', title: t('nav.users'), body: t('home.tasks.usersRead') });
  if (has('audit.read')) tasks.push({ to: '/audit', title: t('nav.audit'), body: t('home.tasks.audit') });
  tasks.push({ to: '/account', title: t('nav.account'), body: t('home.tasks.account') });

  return (
    <>
      <PageHeading documentTitle={t('home.documentTitle')}>{t('home.greeting', { name: session.user.name })}</PageHeading>
      <Paragraph>{t('home.intro', { municipality: session.municipality.name })}</Paragraph>

      <section className="section" aria-labelledby="home-roles">
        <Heading level={2} data-size="sm" id="home-roles">
          {t('home.rolesHeading')}
        </Heading>
        {session.assignments.length === 0 ? (
          <Paragraph>{t('home.noRoles')}</Paragraph>
        ) : (
          <ListUnordered>
            {session.assignments.map((a) => {
              const kind = t(`unitKinds.${a.unitKind}`);
              const role = t(`roles.${a.role}`);
              return (
                <ListItem key={`${a.role}:${a.unitId}`}>
                  {/* "Flyktningtjenesten (Flyktningtjenesten)" would say one thing twice. */}
                  {kind === a.unitName ? t('users.roles.inUnit', { role, unit: a.unitName }) : t('home.roleInUnit', { role, unit: a.unitName, kind })}
                </ListItem>
              );
            })}
          </ListUnordered>
        )}
      </section>

      <section className="section" aria-labelledby="home-tasks">
        <Heading level={2} data-size="sm" id="home-tasks">
          {t('home.tasksHeading')}
        </Heading>
        <ul className="cards">
          {tasks.map((task) => (
            <li key={task.to}>
              <Card data-color="neutral">
                <Heading level={3} data-size="xs">
                  <DsLink asChild>
                    <Link to={task.to}>{task.title}</Link>
                  </DsLink>
                </Heading>
                <Paragraph>{task.body}</Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="home-next">
        <Heading level={2} data-size="sm" id="home-next">
          {t('home.nextHeading')}
        </Heading>
        <Paragraph>{t('home.next')}</Paragraph>
      </section>
    </>
  );
}
