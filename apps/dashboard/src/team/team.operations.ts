// GraphQL operations of the team screen: members and roles, API tokens.
import { graphql } from '../graphql/generated';

export const TeamQuery = graphql(`
  query Team {
    viewer {
      mode
      role
      user {
        id
      }
      team {
        id
        name
        slug
        members {
          role
          joinedAt
          user {
            id
            name
            email
          }
        }
        apiTokens {
          id
          name
          role
          createdAt
          lastUsedAt
          revokedAt
        }
      }
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($email: String!, $name: String!, $role: Role!, $password: String!) {
    inviteMember(email: $email, name: $name, role: $role, password: $password) {
      role
      user {
        id
      }
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($userId: ID!) {
    removeMember(userId: $userId)
  }
`);

export const ChangeRoleMutation = graphql(`
  mutation ChangeRole($userId: ID!, $role: Role!) {
    changeRole(userId: $userId, role: $role) {
      role
      user {
        id
      }
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!, $role: Role) {
    createApiToken(name: $name, role: $role) {
      token
      apiToken {
        id
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);
