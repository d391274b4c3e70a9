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
