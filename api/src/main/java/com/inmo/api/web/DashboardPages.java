package com.inmo.api.web;

import java.time.Duration;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Serves the built dashboard in dev mode, where the frontend module's jar puts it on the classpath under
 * {@code inmo-dashboard/}: http://localhost:8000 is the dashboard and the api at once, one origin, no CORS.
 * Production serves the dashboard from its own container, and the api jar has no such folder, so none of
 * these routes exists there.
 *
 * <p>The dashboard is a single-page app: its page paths all answer {@code index.html} (revalidated on
 * every load), its fingerprinted assets are cached for a year. Page paths are listed, not guessed, so an
 * unknown api path still answers the api's own 404.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DashboardPages.Built.class)
public class DashboardPages {

  static final String ROOT = "inmo-dashboard/";
  /** The first path segment of every client-side route (frontend/src/app/App.tsx). */
  static final Set<String> PAGES = Set.of("login", "leads", "pipeline", "inbox", "appointments", "calls",
      "operations", "settings", "users", "brokers", "test-chat");
  /** Files at the root of the build, besides the pages. */
  static final Set<String> ROOT_FILES = Set.of("favicon.svg", "widget.js", "widget-demo.html");

  /** Whether a request path is one of the dashboard's: its pages, assets and root files. */
  public static boolean isDashboardPath(String path) {
    if (path.equals("/") || path.equals("/index.html") || path.startsWith("/assets/")) {
      return true;
    }
    String first = path.substring(1).split("/", 2)[0];
    return PAGES.contains(first) || ROOT_FILES.contains(first) && path.indexOf('/', 1) < 0;
  }

  /** The patterns Spring Security lets through without a token (the pages hold no data). */
  public static String[] publicPatterns() {
    var patterns = new java.util.ArrayList<String>(java.util.List.of("/", "/index.html", "/assets/**"));
    PAGES.forEach(page -> {
      patterns.add("/" + page);
      patterns.add("/" + page + "/**");
    });
    ROOT_FILES.forEach(file -> patterns.add("/" + file));
    return patterns.toArray(String[]::new);
  }

  @Bean
  RouterFunction<ServerResponse> dashboardRoutes() {
    Resource index = new ClassPathResource(ROOT + "index.html");
    RouterFunctions.Builder routes = RouterFunctions.route()
        .resources("/assets/**", new ClassPathResource(ROOT + "assets/"), (resource, headers) ->
            headers.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()));
    for (String file : ROOT_FILES) {
      Resource resource = new ClassPathResource(ROOT + file);
      if (resource.exists()) {
        routes.GET("/" + file, request -> ServerResponse.ok().cacheControl(CacheControl.noCache())
            .contentType(mediaType(file)).bodyValue(resource));
      }
    }
    return routes
        .route(RequestPredicates.GET("/**").and(request -> isPage(request.path())), request -> page(index))
        .build();
  }

  private static boolean isPage(String path) {
    return isDashboardPath(path) && !path.startsWith("/assets/")
        && !ROOT_FILES.contains(path.substring(1));
  }

  private static Mono<ServerResponse> page(Resource index) {
    return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(index);
  }

  private static MediaType mediaType(String file) {
    if (file.endsWith(".js")) {
      return MediaType.parseMediaType("text/javascript");
    }
    if (file.endsWith(".svg")) {
      return MediaType.parseMediaType("image/svg+xml");
    }
    return MediaType.TEXT_HTML;
  }

  static class Built implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return new ClassPathResource(ROOT + "index.html", context.getClassLoader()).exists();
    }
  }
}
