import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoginForm, safeNextPath } from './login-form';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn(), replace: jest.fn(), push: jest.fn() }) }));

describe('safeNextPath', () => {
  it('follows a local path and refuses anything else', () => {
    expect(safeNextPath('/jobs/1')).toBe('/jobs/1');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('/login')).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
  });
});

describe('LoginForm', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    globalThis.fetch = fetchMock;
  });

  it('shows the API’s reason when the login is refused', async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue({
      status: 200,
      json: async () => ({ errors: [{ message: 'wrong e-mail or password', extensions: { code: 'UNAUTHENTICATED' } }] }),
    });
    render(<LoginForm next="/jobs" />);
    await user.type(screen.getByLabelText('E-mail'), 'ada@example.org');
    await user.type(screen.getByLabelText('Password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('wrong e-mail or password. Log in again.');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(JSON.parse(String(init.body)).variables).toEqual({ email: 'ada@example.org', password: 'secret-pass' });
  });
});
