package fr.passerelle.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.passerelle.app.Environment;
import fr.passerelle.privacy.Pia;
import fr.passerelle.publish.ReleaseApi;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "privacy",
        mixinStandardHelpOptions = true,
        description = {
            "Documents for the data protection officer.",
            "privacy pia --out pia.json   a privacy impact assessment pre-filled from the running configuration, for the CNIL's PIA software"
        })
final class PrivacyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(index = "0", description = "pia")
    String document;

    @Option(
            names = "--out",
            required = true,
            description = "The JSON file to write (import it in the CNIL's PIA software).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!document.equals("pia")) {
            throw new IllegalArgumentException("unknown document '" + document + "': pia");
        }
        java.util.Optional<fr.passerelle.app.RunningServer> server =
                fr.passerelle.app.RunningServer.on(options.settings().home());
        if (server.isPresent()) {
            // The register as the running server states it (its store is in use): the same document.
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create(server.get().url() + "/api/privacy?lang=fr"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the running server (pid "
                        + server.get().pid() + ") answered " + response.statusCode() + " to /api/privacy");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> register = new ObjectMapper().readValue(response.body(), Map.class);
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.toFile(), Pia.build(register, java.time.Instant.now()));
            System.out.println("wrote " + out + " from the register of the server running on this home (pid "
                    + server.get().pid() + "): a PIA for the CNIL's PIA software; the parts marked \"à compléter\" are"
                    + " for the controller and the DPO");
            return 0;
        }
        try (Environment env = Environment.open(options.settings());
                ReleaseApi release = env.releaseApi()) {
            Map<String, Object> register =
                    env.services(release.database()).register().describe(false);
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.toFile(), Pia.build(register, env.clock().instant()));
            System.out.println(
                    "wrote " + out
                            + ": a PIA for the CNIL's PIA software; the parts marked \"à compléter\" are for the controller and the DPO");
        }
        return 0;
    }
}
