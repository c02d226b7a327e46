package com.inmo.api.command;

import com.inmo.api.backup.Backup;
import com.inmo.api.backup.Restore;
import com.inmo.api.postflight.Postflight;
import com.inmo.api.telegram.RegisterWebhooks;
import java.util.Set;

/**
 * The operator commands the api jar runs instead of the web server ({@code java -jar inmo-api-exec.jar
 * <command>}; api/COMMANDS.md): {@value Preflight#COMMAND}, {@value Migrate#COMMAND},
 * {@value RegisterWebhooks#COMMAND}, {@value Postflight#COMMAND}, {@value Backup#COMMAND} and
 * {@value Restore#COMMAND}. Each prints what it found or did and exits with its status.
 */
public final class ApiCommands {

  static final Set<String> COMMANDS = Set.of(Preflight.COMMAND, Migrate.COMMAND, RegisterWebhooks.COMMAND,
      Postflight.COMMAND, Backup.COMMAND, Restore.COMMAND);

  private ApiCommands() {
  }

  public static boolean handles(String[] args) {
    return args.length > 0 && COMMANDS.contains(args[0]);
  }

  /** From {@code ApiApplication.main}: the real environment and standard output. */
  public static int run(String[] args) {
    CommandSupport.quietLogging();
    return switch (args[0]) {
      case Preflight.COMMAND -> Preflight.run(args, System.getenv(), System.out);
      case Migrate.COMMAND -> Migrate.run(args, System.getenv(), System.out, System.err);
      case RegisterWebhooks.COMMAND -> RegisterWebhooks.run(args, System.getenv(), System.out, System.err);
      case Postflight.COMMAND -> Postflight.run(args, System.getenv(), System.out);
      case Backup.COMMAND -> Backup.run(args, System.getenv(), System.out, System.err);
      case Restore.COMMAND -> Restore.run(args, System.getenv(), System.out, System.err);
      default -> throw new IllegalArgumentException("not a command: " + args[0]);
    };
  }
}
