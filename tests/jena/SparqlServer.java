/*
 * Apache Jena's query engine (ARQ) and persistent store (TDB2), from Debian's package
 * libapache-jena-java, served over HTTP for the tests the way a Fuseki dataset is: the SPARQL 1.1
 * protocol at /ds/query and /ds/sparql, updates at /ds/update, the Graph Store protocol at
 * /ds/data. Fuseki itself is not packaged; the answers come from Jena's own engine and store,
 * this file only carries requests to them and their results back.
 *
 * Usage: java -cp JENA_JARS:. SparqlServer STORE_FOLDER PORT
 */

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.update.UpdateAction;

public final class SparqlServer {
  private static Dataset dataset;

  public static void main(String[] args) throws IOException {
    dataset = TDB2Factory.connectDataset(args[0]);
    HttpServer server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 0);
    server.createContext("/ds/query", exchange -> handle(exchange, SparqlServer::query));
    server.createContext("/ds/sparql", exchange -> handle(exchange, SparqlServer::query));
    server.createContext("/ds/update", exchange -> handle(exchange, SparqlServer::update));
    server.createContext("/ds/data", exchange -> handle(exchange, SparqlServer::data));
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println("ready on " + args[1]);
  }

  /** A request's answer: status, content type and body. */
  private record Answer(int status, String type, byte[] body) {
    static Answer text(int status, String message) {
      return new Answer(status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
    }
  }

  private interface Handler {
    Answer answer(HttpExchange exchange, Map<String, List<String>> params, byte[] body)
        throws Exception;
  }

  private static void handle(HttpExchange exchange, Handler handler) throws IOException {
    Answer answer;
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> params = new LinkedHashMap<>();
      parseForm(exchange.getRequestURI().getRawQuery(), params);
      String type = contentType(exchange);
      if ("application/x-www-form-urlencoded".equals(type)) {
        parseForm(new String(body, StandardCharsets.UTF_8), params);
      }
      answer = handler.answer(exchange, params, body);
    } catch (org.apache.jena.query.QueryParseException
        | org.apache.jena.riot.RiotException
        | IllegalArgumentException e) {
      answer = Answer.text(400, "Bad request: " + e.getMessage());
    } catch (Exception e) {
      answer = Answer.text(500, "Error: " + e);
    }
    exchange.getResponseHeaders().set("Content-Type", answer.type());
    if (answer.body().length == 0) {
      exchange.sendResponseHeaders(answer.status(), -1);
    } else {
      exchange.sendResponseHeaders(answer.status(), answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
    exchange.close();
  }

  private static String contentType(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    return type == null ? "" : type.split(";")[0].trim().toLowerCase();
  }

  private static void parseForm(String raw, Map<String, List<String>> params) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String accept(HttpExchange exchange) {
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    return accept == null ? "" : accept.toLowerCase();
  }

  /** SPARQL 1.1 protocol query: GET or form POST with `query`, or a direct POST. */
  private static Answer query(HttpExchange exchange, Map<String, List<String>> params, byte[] body) {
    String text = first(params, "query");
    if (text == null && "application/sparql-query".equals(contentType(exchange))) {
      text = new String(body, StandardCharsets.UTF_8);
    }
    if (text == null) {
      return Answer.text(400, "Bad request: no query");
    }
    Query query = QueryFactory.create(text);
    for (String graph : params.getOrDefault("default-graph-uri", List.of())) {
      query.addGraphURI(graph);
    }
    for (String graph : params.getOrDefault("named-graph-uri", List.of())) {
      query.addNamedGraphURI(graph);
    }
    String accept = accept(exchange);
    return Txn.calculateRead(dataset, () -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (QueryExecution execution = QueryExecution.create(query, dataset)) {
        if (query.isSelectType()) {
          if (accept.contains("sparql-results+xml")) {
            ResultSetFormatter.outputAsXML(out, execution.execSelect());
            return new Answer(200, "application/sparql-results+xml", out.toByteArray());
          }
          if (accept.contains("text/csv")) {
            ResultSetFormatter.outputAsCSV(out, execution.execSelect());
            return new Answer(200, "text/csv; charset=utf-8", out.toByteArray());
          }
          if (accept.contains("text/tab-separated-values")) {
            ResultSetFormatter.outputAsTSV(out, execution.execSelect());
            return new Answer(200, "text/tab-separated-values; charset=utf-8", out.toByteArray());
          }
          ResultSetFormatter.outputAsJSON(out, execution.execSelect());
          return new Answer(200, "application/sparql-results+json", out.toByteArray());
        }
        if (query.isAskType()) {
          boolean yes = execution.execAsk();
          if (accept.contains("sparql-results+xml")) {
            ResultSetFormatter.outputAsXML(out, yes);
            return new Answer(200, "application/sparql-results+xml", out.toByteArray());
          }
          ResultSetFormatter.outputAsJSON(out, yes);
          return new Answer(200, "application/sparql-results+json", out.toByteArray());
        }
        Model model = query.isConstructType() ? execution.execConstruct() : execution.execDescribe();
        Lang lang = graphLang(accept);
        RDFDataMgr.write(out, model, lang);
        return new Answer(200, lang.getContentType().getContentTypeStr(), out.toByteArray());
      }
    });
  }

  private static Lang graphLang(String accept) {
    if (accept.contains("application/n-triples")) {
      return Lang.NTRIPLES;
    }
    if (accept.contains("application/rdf+xml")) {
      return Lang.RDFXML;
    }
    if (accept.contains("application/ld+json")) {
      return Lang.JSONLD;
    }
    return Lang.TURTLE;
  }

  /** SPARQL 1.1 update: form POST with `update`, or a direct POST; one write transaction. */
  private static Answer update(HttpExchange exchange, Map<String, List<String>> params, byte[] body) {
    if (!"POST".equals(exchange.getRequestMethod())) {
      return Answer.text(405, "Updates are POSTed");
    }
    String text = first(params, "update");
    if (text == null && "application/sparql-update".equals(contentType(exchange))) {
      text = new String(body, StandardCharsets.UTF_8);
    }
    if (text == null) {
      return Answer.text(400, "Bad request: no update");
    }
    String update = text;
    Txn.executeWrite(dataset, () -> UpdateAction.parseExecute(update, dataset));
    return new Answer(204, "text/plain", new byte[0]);
  }

  /** Graph Store protocol: GET, PUT (replace), POST (add), DELETE one graph (?graph= or ?default). */
  private static Answer data(HttpExchange exchange, Map<String, List<String>> params, byte[] body) {
    String name = first(params, "graph");
    if (name == null && !params.containsKey("default")) {
      return Answer.text(400, "Bad request: give ?graph=IRI or ?default");
    }
    Node graphName = name == null ? null : NodeFactory.createURI(name);
    DatasetGraph store = dataset.asDatasetGraph();
    String method = exchange.getRequestMethod();
    switch (method) {
      case "GET": {
        return Txn.calculateRead(dataset, () -> {
          if (graphName != null && !store.containsGraph(graphName)) {
            return Answer.text(404, "No such graph: " + name);
          }
          Graph graph = graphName == null ? store.getDefaultGraph() : store.getGraph(graphName);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          Lang lang = graphLang(accept(exchange));
          RDFDataMgr.write(out, graph, lang);
          return new Answer(200, lang.getContentType().getContentTypeStr(), out.toByteArray());
        });
      }
      case "PUT":
      case "POST": {
        Lang lang = RDFLanguages.contentTypeToLang(contentType(exchange));
        if (lang == null || RDFLanguages.isQuads(lang)) {
          return Answer.text(415, "Unsupported content type: " + contentType(exchange));
        }
        // Parsed completely before the store is touched: bad data changes nothing.
        Graph parsed = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(body, StandardCharsets.UTF_8)).lang(lang).parse(parsed);
        boolean[] created = {false};
        Txn.executeWrite(dataset, () -> {
          created[0] = graphName != null && !store.containsGraph(graphName);
          Graph graph = graphName == null ? store.getDefaultGraph() : store.getGraph(graphName);
          if ("PUT".equals(method)) {
            graph.clear();
          }
          parsed.find().forEachRemaining(graph::add);
        });
        return new Answer(created[0] ? 201 : 204, "text/plain", new byte[0]);
      }
      case "DELETE": {
        boolean[] found = {true};
        Txn.executeWrite(dataset, () -> {
          if (graphName == null) {
            store.getDefaultGraph().clear();
          } else if (store.containsGraph(graphName)) {
            store.removeGraph(graphName);
          } else {
            found[0] = false;
          }
        });
        return found[0] ? new Answer(204, "text/plain", new byte[0]) : Answer.text(404, "No such graph: " + name);
      }
      default:
        return Answer.text(405, "Method not allowed: " + method);
    }
  }
}
