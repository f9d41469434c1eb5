package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code watershed baseline}: the drift baselines of an asset from CI ({@code /api/v1/assets/{name}/baselines}), and
 * accepting a drifted observation, the step that lets a real shift become part of the next baseline.
 */
@Command(
        name = "baseline",
        description = "Create, list and show an asset's drift baselines; accept a drifted observation as the new"
                + " normal.",
        subcommands = {
            BaselineCommand.Create.class,
            BaselineCommand.ListBaselines.class,
            BaselineCommand.Show.class,
            BaselineCommand.Accept.class
        })
final class BaselineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required: create, list, show or accept");
    }

    @Command(
            name = "create",
            description = "Merge the profiles of the asset's observations with a label (optionally in a time window)"
                    + " into a new baseline, which becomes the default of your side's drift checks (needs a token).")
    static final class Create extends ReportingCommand {

        @Mixin
        RegistryOptions registry;

        @Option(names = "--asset", required = true, paramLabel = "NAME", description = "The asset")
        String asset;

        @Option(
                names = "--label",
                required = true,
                paramLabel = "LABEL",
                description = "The label of the observations to merge, such as training")
        String label;

        @Option(
                names = "--from",
                paramLabel = "INSTANT",
                description = "Only observations at or after this ISO-8601 instant (2026-01-01T00:00:00Z)")
        String from;

        @Option(
                names = "--to",
                paramLabel = "INSTANT",
                description = "Only observations before this ISO-8601 instant (exclusive)")
        String to;

        @Option(names = "--name", paramLabel = "NAME", description = "A name to recognise the baseline by")
        String name;

        @Override
        Report report() {
            RegistryClient client = registry.client();
            if (!client.hasToken()) {
                // A new baseline moves the default that every later drift check of its side compares with.
                throw new CliException("creating a baseline needs a token of any team: set --token or WATERSHED_TOKEN");
            }
            ObjectNode body = Declarations.JSON.createObjectNode().put("label", label);
            putIfGiven(body, "from", from);
            putIfGiven(body, "to", to);
            putIfGiven(body, "name", name);
            RegistryClient.Reply reply = client.post(baselinesPath(asset), body);
            if (!reply.ok()) {
                // The registry does not say that drifted observations were left out, which is the usual surprise.
                String hint = reply.code().equals("NO_PROFILED_OBSERVATIONS")
                        ? "; observations a drift check found drifted are left out until accepted with `watershed"
                                + " baseline accept`"
                        : "";
                throw new CliException(
                        "the registry could not create a baseline of " + asset + ": " + reply.problem() + hint);
            }
            JsonNode baseline = reply.body();
            List<String> details = new ArrayList<>(describe(baseline));
            details.add(
                    baseline.path("byOwner").asBoolean()
                            ? "drift checks of " + asset + " now compare with it by default (pin another with"
                                    + " `watershed drift --baseline ID`)"
                            : "the default only for the drift checks of team "
                                    + baseline.path("team").asText()
                                    + "; the owner's current baseline stays as it was");
            String summary = "created baseline " + baseline.path("id").asLong() + " from "
                    + observations(baseline) + " labelled "
                    + baseline.path("label").asText() + ", "
                    + baseline.path("records").asLong() + " records";
            return new Report.Builder("baseline create")
                    .add(Report.Item.passed(asset, null, 0, summary, details, baseline))
                    .build();
        }

        private static void putIfGiven(ObjectNode body, String field, String value) {
            if (value != null && !value.isBlank()) {
                body.put(field, value.strip());
            }
        }
    }

    @Command(
            name = "list",
            description = "List the asset's baselines, newest first; current marks the owner's default.")
    static final class ListBaselines extends ReportingCommand {

        @Mixin
        RegistryOptions registry;

        @Option(names = "--asset", required = true, paramLabel = "NAME", description = "The asset")
        String asset;

        @Override
        Report report() {
            RegistryClient.Reply reply = registry.client().get(baselinesPath(asset));
            if (!reply.ok()) {
                throw new CliException(
                        "the registry could not list the baselines of " + asset + ": " + reply.problem());
            }
            Report.Builder report = new Report.Builder("baseline list")
                    .emptyNote("No baselines of " + asset + ": create one with `watershed baseline create --asset "
                            + asset + " --label LABEL`.");
            for (JsonNode baseline : reply.body()) {
                report.add(Report.Item.passed(
                        asset + " baseline " + baseline.path("id").asLong(),
                        null,
                        0,
                        summary(baseline),
                        describe(baseline),
                        baseline));
            }
            return report.build();
        }
    }

    @Command(name = "show", description = "Show one baseline of the asset, with the fields of its merged profile.")
    static final class Show extends ReportingCommand {

        @Mixin
        RegistryOptions registry;

        @Option(names = "--asset", required = true, paramLabel = "NAME", description = "The asset")
        String asset;

        @Parameters(index = "0", paramLabel = "ID", description = "The baseline's id")
        long id;

        @Override
        Report report() {
            RegistryClient.Reply reply = registry.client().get(baselinesPath(asset) + "/" + id);
            if (!reply.ok()) {
                throw new CliException(
                        "the registry could not show baseline " + id + " of " + asset + ": " + reply.problem());
            }
            JsonNode baseline = reply.body();
            List<String> details = new ArrayList<>(describe(baseline));
            JsonNode profile = baseline.path("profile");
            List<String> fields = new ArrayList<>();
            profile.path("fields").fieldNames().forEachRemaining(fields::add);
            details.add("profile: " + profile.path("records").asLong() + " records, "
                    + (fields.isEmpty() ? "no fields" : "fields " + String.join(", ", fields))
                    + (profile.path("fieldsTruncated").asBoolean() ? " (more fields occurred than were tracked)" : ""));
            return new Report.Builder("baseline show")
                    .add(Report.Item.passed(asset + " baseline " + id, null, 0, summary(baseline), details, baseline))
                    .build();
        }
    }

    @Command(
            name = "accept",
            description = "Accept an observation a drift check found drifted as the new normal, so that it is the"
                    + " previous observation of its label again and new baselines merge it (needs a token of the"
                    + " team that recorded it, or an admin's).")
    static final class Accept extends ReportingCommand {

        @Mixin
        RegistryOptions registry;

        @Option(names = "--asset", required = true, paramLabel = "NAME", description = "The asset")
        String asset;

        @Option(names = "--observation", required = true, paramLabel = "ID", description = "The drifted observation")
        long observation;

        @Override
        Report report() {
            RegistryClient client = registry.client();
            if (!client.hasToken()) {
                throw new CliException("accepting an observation needs a token of the team that recorded it (or an"
                        + " admin's): set --token or WATERSHED_TOKEN");
            }
            String path = "/api/v1/assets/" + RegistryClient.encode(asset) + "/observations/" + observation;
            // Asked first so that accepting twice says it changed nothing: the registry answers both alike.
            RegistryClient.Reply before = client.get(path);
            if (!before.ok()) {
                throw new CliException("the registry could not find observation " + observation + " of " + asset + ": "
                        + before.problem());
            }
            boolean alreadyAccepted =
                    "ACCEPTED".equals(before.body().path("driftStatus").asText());
            RegistryClient.Reply reply = client.post(path + "/accept", Declarations.JSON.createObjectNode());
            if (!reply.ok()) {
                throw new CliException("the registry could not accept observation " + observation + " of " + asset
                        + ": " + reply.problem());
            }
            JsonNode accepted = reply.body();
            String label = accepted.path("label").asText();
            String summary = alreadyAccepted
                    ? "already accepted; nothing changed"
                    : "accepted as the new normal (driftStatus ACCEPTED)";
            List<String> details = List.of(
                    "observed " + accepted.path("observedAt").asText() + ", label " + label + ", "
                            + accepted.path("total").asLong() + " records",
                    "`watershed drift --against previous --label " + label
                            + "` may compare the next batch with it again",
                    "baselines created from now on merge it; existing ones keep what they merged: re-baseline with"
                            + " `watershed baseline create --asset " + asset + " --label " + label + "`");
            return new Report.Builder("baseline accept")
                    .add(Report.Item.passed(asset + " observation " + observation, null, 0, summary, details, accepted))
                    .build();
        }
    }

    private static String baselinesPath(String asset) {
        return "/api/v1/assets/" + RegistryClient.encode(asset) + "/baselines";
    }

    /** One line: what a baseline holds, and whether it is the owner's default. */
    private static String summary(JsonNode baseline) {
        String name = baseline.path("name").asText(null);
        return (name == null ? "" : name + ": ")
                + "label " + baseline.path("label").asText() + ", " + observations(baseline) + ", "
                + baseline.path("records").asLong() + " records"
                + (baseline.path("current").asBoolean()
                        ? ", current (the owner's drift checks use it by default)"
                        : "");
    }

    /** Its window, its maker and whose default it is, which decide what a drift check compares with. */
    private static List<String> describe(JsonNode baseline) {
        JsonNode window = baseline.path("window");
        String team = baseline.path("team").asText(null);
        List<String> details = new ArrayList<>();
        String first = window.path("from").asText();
        String last = window.path("to").asText();
        details.add(first.equals(last) ? "observed " + first : "observations from " + first + " to " + last);
        details.add("created " + baseline.path("createdAt").asText() + " by "
                + baseline.path("createdBy").asText()
                + (baseline.path("byOwner").asBoolean()
                        ? ", for the owner"
                        : ", for team " + team + " (its own drift checks only)"));
        return details;
    }

    private static String observations(JsonNode baseline) {
        int count = baseline.path("observations").asInt();
        return count + (count == 1 ? " observation" : " observations");
    }
}
