package com.inmo.api.auth;

/** SUPERADMIN runs the platform; ADMIN runs one broker; AGENT works the leads assigned to them. */
public enum Role {
  SUPERADMIN, ADMIN, AGENT
}
