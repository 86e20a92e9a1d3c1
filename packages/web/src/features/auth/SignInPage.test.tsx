import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/client.ts';
import { SignInForm, SignInPage } from './SignInPage.tsx';

function fillIn(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Logg inn' }));

describe('SignInForm', () => {
  it('has a visible label for each field', () => {
    render(<SignInForm onSubmit={vi.fn()} />);
    expect(screen.getByLabelText('E-postadresse')).toHaveProperty('type', 'email');
    expect(screen.getByLabelText('Passord')).toHaveProperty('type', 'password');
  });

  it('shows what is missing next to the fields and in an error summary that gets focus, without sending', async () => {
    const onSubmit = vi.fn();
    render(<SignInForm onSubmit={onSubmit} />);
    submit();

    const summary = await screen.findByRole('group', { name: 'For å gå videre må du rette opp dette:' });
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Du må fylle ut e-postadresse.', 'Du må fylle ut passord.']);
    expect(links[0]?.getAttribute('href')).toBe('#sign-in-email');
    await waitFor(() => expect(document.activeElement).toBe(summary));

    // The same messages stand next to the fields, which are marked invalid.
    const email = screen.getByLabelText('E-postadresse');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.closest('ds-field')?.textContent).toContain('Du må fylle ut e-postadresse.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('asks for a valid e-mail address', async () => {
    render(<SignInForm onSubmit={vi.fn()} />);
    fillIn('E-postadresse', 'kari.kommune.no');
    fillIn('Passord', 'et passord');
    submit();
    expect(await screen.findByRole('link', { name: 'Skriv inn en gyldig e-postadresse, for eksempel navn@kommune.no.' })).toBeTruthy();
  });

  it('sends the e-mail address and password', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<SignInForm onSubmit={onSubmit} />);
    fillIn('E-postadresse', ' Kari@Kommune.no ');
    fillIn('Passord', 'et langt passord');
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ email: 'kari@kommune.no', password: 'et langt passord' }));
  });

  it('shows a wrong password from the server as a message that gets focus', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError({ code: 'INVALID_CREDENTIALS', status: 401, message: 'Invalid credentials', requestId: 'req-1' });
    });
    render(<SignInForm onSubmit={onSubmit} />);
    fillIn('E-postadresse', 'kari@kommune.no');
    fillIn('Passord', 'feil passord');
    submit();

    const message = await screen.findByText('Feil e-postadresse eller passord.');
    const alert = message.closest('.ds-alert');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(screen.queryByRole('group', { name: /rette opp/ })).toBeNull();
  });

  it('tells the user to wait after too many attempts', async () => {
    render(
      <SignInForm
        onSubmit={async () => {
          throw new ApiError({ code: 'RATE_LIMITED', status: 429, message: 'Too many', requestId: 'req-2' });
        }}
      />,
    );
    fillIn('E-postadresse', 'kari@kommune.no');
    fillIn('Passord', 'passord');
    submit();
    expect(await screen.findByText('For mange forsøk på kort tid. Vent litt og prøv igjen.')).toBeTruthy();
  });

  it("puts the server's field errors next to the fields", async () => {
    render(
      <SignInForm
        onSubmit={async () => {
          throw new ApiError({
            code: 'VALIDATION',
            status: 400,
            message: 'Invalid',
            requestId: 'req-3',
            fields: [{ path: 'email', message: 'must be a valid e-mail address' }],
          });
        }}
      />,
    );
    fillIn('E-postadresse', 'kari@kommune.no');
    fillIn('Passord', 'passord');
    submit();
    const summary = await screen.findByRole('group', { name: 'For å gå videre må du rette opp dette:' });
    expect(within(summary).getByRole('link', { name: 'E-postadresse ble ikke godtatt. Kontroller det du har skrevet.' })).toBeTruthy();
    expect(screen.getByLabelText('E-postadresse').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('SignInPage', () => {
  it('has one h1 and offers single sign-on when it is switched on', () => {
    render(
      <SignInPage step="password" oidc={{ enabled: true, label: 'ID-porten' }} onSignIn={vi.fn()} onVerifyTotp={vi.fn()} onCancelTotp={vi.fn()} />,
    );
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Logg inn']);
    expect(screen.getByRole('link', { name: 'Logg inn med ID-porten' }).getAttribute('href')).toBe('/api/auth/oidc/start');
  });

  it('asks for the one-time code in the second step and shows a wrong code', async () => {
    const onVerifyTotp = vi.fn(async () => {
      throw new ApiError({ code: 'INVALID_TOTP', status: 401, message: 'Invalid code', requestId: 'req-4' });
    });
    render(<SignInPage step="totp" oidc={undefined} onSignIn={vi.fn()} onVerifyTotp={onVerifyTotp} onCancelTotp={vi.fn()} />);
    expect(screen.queryByRole('link', { name: /Logg inn med/ })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Engangskode' }), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bekreft' }));
    expect(await screen.findByText('Koden er feil eller utløpt. Prøv med den nyeste koden i appen.')).toBeTruthy();
    expect(onVerifyTotp).toHaveBeenCalledWith({ code: '123456' });
  });
});
