// GraphQL operations of the caller's session: who is signed in, log in, log out.
import { graphql } from '../graphql/generated';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      mode
      role
      user {
        id
        name
        email
      }
      team {
        id
        name
        slug
      }
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      mode
      role
      user {
        id
        name
        email
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);
