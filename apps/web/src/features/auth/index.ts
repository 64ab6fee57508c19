export { RequireSession } from './components/require-session';
export { useMe, useSession } from './api/use-session';
export { useSignOut } from './api/sign-in';
export { SignInPage } from './routes/sign-in';
export { SignUpPage } from './routes/sign-up';
