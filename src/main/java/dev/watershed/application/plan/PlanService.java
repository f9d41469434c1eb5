package dev.watershed.application.plan;

import dev.watershed.application.access.TeamService;
import dev.watershed.application.access.TeamStore;
import dev.watershed.application.asset.AssetDraft;
import dev.watershed.application.asset.AssetQuery;
import dev.watershed.application.asset.AssetService;
import dev.watershed.application.asset.AssetStore;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.contract.ContractService;
import dev.watershed.application.contract.PublishPlan;
import dev.watershed.application.contract.PublishRequest;
import dev.watershed.application.dependency.Dependency;
import dev.watershed.application.dependency.DependencyService;
import dev.watershed.application.dependency.EstateGraph;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.WatershedException;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.asset.AssetName;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.auth.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Applies the whole estate some contract files declare in one transaction, or judges it with nothing stored.
 *
 * <p>Dry run and apply take the same path: every step calls the same service method a single-asset request calls,
 * inside one transaction, so a refusal has the same code and text either way, and each step is judged as it will be
 * after the plan's earlier ones (a producer registered or republished before, a mode changed before its contract).
 * A refused step marks the transaction rollback-only, so the plan is rolled back and run again without the steps
 * refused so far, until a run meets no new refusal; then a clean apply commits, anything else rolls back. In-memory
 * state (the estate graph) changes only in after-commit hooks, so a rolled-back run leaves no trace.
 */
@ApplicationScoped
public class PlanService {

    /** A plan with more refusals than this stops looking: the list is long enough to start fixing. */
    private static final int MAX_ERRORS = 50;

    /** The caller a dry run without a token acts as: nothing it does is stored. */
    private static final Caller DRY_RUN = new Caller(null, "plan dry run", null, Role.ADMIN);

    private final TeamService teams;
    private final TeamStore teamStore;
    private final AssetService assets;
    private final AssetStore assetStore;
    private final ContractService contracts;
    private final DependencyService dependencies;
    private final EstateGraph estate;
    private final TransactionManager transactions;
    private final WatershedConfig config;

    public PlanService(
            TeamService teams,
            TeamStore teamStore,
            AssetService assets,
            AssetStore assetStore,
            ContractService contracts,
            DependencyService dependencies,
            EstateGraph estate,
            TransactionManager transactions,
            WatershedConfig config) {
        this.teams = teams;
        this.teamStore = teamStore;
        this.assets = assets;
        this.assetStore = assetStore;
        this.contracts = contracts;
        this.dependencies = dependencies;
        this.estate = estate;
        this.transactions = transactions;
        this.config = config;
    }

    /** @throws PlanRefusedException when applying and anything is refused: then nothing is stored */
    public PlanResult run(Caller caller, EstatePlan plan, boolean dryRun, ComputeBudget budget) {
        if (!dryRun) {
            caller.requireAuthenticated();
        }
        Caller acting = dryRun && !caller.authenticated() ? DRY_RUN : caller;
        Map<String, PlanError> refused =
                new LinkedHashMap<>(PlanCycles.of(plan, name -> PlanCycles.registryConsumers(dependencies, name)));
        for (int attempt = 0; ; attempt++) {
            Run run = new Run(acting, plan, refused.keySet(), budget);
            boolean clean = inTransaction(run, dryRun || !refused.isEmpty());
            boolean stuck = run.refusal != null && refused.containsKey(run.refusalKey) || attempt > MAX_ERRORS;
            if (run.refusal != null) {
                refused.put(run.refusalKey, run.refusal);
            }
            if (clean || stuck || refused.size() >= MAX_ERRORS) {
                List<PlanError> errors = List.copyOf(refused.values());
                if (!dryRun && !errors.isEmpty()) {
                    throw PlanRefusedException.refusing(errors);
                }
                List<String> notes = new ArrayList<>(run.notes);
                if (acting == DRY_RUN) {
                    run.owners.forEach(
                            owner -> notes.add("applying needs a token of team '" + owner + "' (or an admin)"));
                }
                return new PlanResult(
                        !dryRun, run.teamSteps(), run.outcomes(refused.values()), run.notInFiles, errors, notes);
            }
        }
    }

    /** Runs the steps in one transaction; true when none was refused. Commits only a clean run that should. */
    private boolean inTransaction(Run run, boolean rollback) {
        try {
            transactions.begin();
            try {
                run.steps();
            } catch (RuntimeException e) {
                transactions.rollback();
                throw e;
            }
            if (run.refusal == null && !rollback && transactions.getStatus() == Status.STATUS_ACTIVE) {
                transactions.commit();
            } else {
                transactions.rollback();
            }
            return run.refusal == null;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // the transaction manager's checked exceptions
            throw new IllegalStateException("the plan's transaction failed: " + e.getMessage(), e);
        }
    }

    /** One pass over the plan's steps inside one transaction; stops at the first new refusal. */
    private final class Run {

        private final Caller caller;
        private final EstatePlan plan;
        private final Set<String> skipped;
        private final ComputeBudget budget;
        private final Map<String, List<String>> steps = new LinkedHashMap<>();
        private final Map<String, PublishPlan> verdicts = new LinkedHashMap<>();
        private final Set<String> owners = new TreeSet<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> notInFiles = new ArrayList<>();
        private PlanError refusal;
        private String refusalKey;

        Run(Caller caller, EstatePlan plan, Set<String> skipped, ComputeBudget budget) {
            this.caller = caller;
            this.plan = plan;
            this.skipped = skipped;
            this.budget = budget;
        }

        void steps() {
            lockInNameOrder();
            estate.isolateThisTransaction(); // after the asset locks, as single writes take them
            for (int i = 0; i < plan.teams().size(); i++) {
                EstatePlan.TeamSpec team = plan.teams().get(i);
                if (teamStore.find(team.name()).isEmpty()
                        && !step(
                                "/teams/" + i,
                                team.name(),
                                "create team " + team.name(),
                                () -> teams.create(caller, team.name(), team.email(), team.webhook()))) {
                    return;
                }
            }
            for (int i = 0; i < plan.assets().size(); i++) {
                if (!asset(i, plan.assets().get(i))) {
                    return;
                }
            }
            prune();
        }

        /**
         * Locks every declared asset that exists, in name order, before any change: two plans that overlap take
         * turns instead of each holding one lock the other waits for.
         */
        private void lockInNameOrder() {
            Set<String> names = new TreeSet<>(
                    plan.assets().stream().map(spec -> spec.asset().name()).toList());
            for (String name : names) {
                try {
                    assetStore.lockForChange(new AssetName(name));
                } catch (WatershedException e) {
                    // An invalid name: the asset's own step reports it.
                }
            }
        }

        private boolean asset(int i, EstatePlan.AssetSpec spec) {
            String base = "/assets/" + i;
            AssetDraft draft = spec.asset();
            String name = draft.name();
            if (draft.owner() != null) {
                owners.add(draft.owner());
            }
            Asset existing;
            try {
                existing = assetStore.find(new AssetName(name)).orElse(null);
            } catch (WatershedException e) {
                return refuse(base, name, e);
            }
            if (existing == null) {
                if (!step(base, name, "register asset " + name, () -> assets.register(caller, draft))) {
                    return false;
                }
            } else {
                if (existing.owner() != null) {
                    owners.add(existing.owner());
                }
                List<String> changed = StoredState.metadataChanges(draft, existing);
                if (!changed.isEmpty()
                        && !step(
                                base,
                                name,
                                "update asset " + name + ": " + String.join("; ", changed),
                                () -> assets.update(caller, name, draft))) {
                    return false;
                }
            }
            if (spec.contract() != null && !contract(base + "/contract", name, spec)) {
                return false;
            }
            return dependencies(base, name, spec);
        }

        private boolean contract(String pointer, String name, EstatePlan.AssetSpec spec) {
            PublishPlan verdict;
            try {
                verdict = contracts.plan(name, spec.contract(), budget);
            } catch (WatershedException e) {
                return refuse(pointer, name, e);
            }
            verdicts.put(name, verdict);
            if (verdict.unchanged() || skipped.contains(pointer)) {
                return true;
            }
            String rolledBack = RollbackAsCode.refusal(contracts.history(name), verdict, spec.contract());
            if (rolledBack != null) {
                refusal = new PlanError(name, "REGISTRY_ROLLED_BACK", rolledBack, pointer + "/schema");
                refusalKey = pointer;
                return false;
            }
            PublishRequest request = RollbackAsCode.withoutRepeatedChangelog(spec.contract(), verdict);
            return step(
                    pointer,
                    name,
                    "publish contract " + verdict.version()
                            + verdict.bump().map(bump -> " (" + bump + ")").orElse(" (first version)") + ", "
                            + verdict.differences().size() + " differences",
                    () -> contracts.publish(caller, name, request, budget));
        }

        private boolean dependencies(String base, String consumer, EstatePlan.AssetSpec spec) {
            Set<String> declared = new HashSet<>();
            spec.dependsOn().forEach(dependency -> declared.add(dependency.producer()));
            List<Dependency> registered;
            try {
                registered = assetStore.find(new AssetName(consumer)).isPresent()
                        ? dependencies.dependenciesOf(consumer)
                        : List.of();
            } catch (WatershedException e) {
                return true; // the asset itself was refused, reported there
            }
            // Removals first, so that a replaced dependency never counts twice in a cycle check.
            for (Dependency dependency : registered) {
                if (!declared.contains(dependency.producer())
                        && !step(
                                base + "/dependsOn",
                                consumer,
                                "remove dependency " + consumer + " <- " + dependency.producer(),
                                () -> {
                                    dependencies.remove(caller, consumer, dependency.producer());
                                    return null;
                                })) {
                    return false;
                }
            }
            for (int d = 0; d < spec.dependsOn().size(); d++) {
                EstatePlan.DependencySpec dependency = spec.dependsOn().get(d);
                Dependency before = registered.stream()
                        .filter(current -> current.producer().equals(dependency.producer()))
                        .findFirst()
                        .orElse(null);
                String pointer = base + "/dependsOn/" + d;
                if (skipped.contains(pointer) || before != null && StoredState.unchanged(dependency.draft(), before)) {
                    continue; // as stored: left alone, as a single request would never resend it
                }
                DependencyService.Declared after;
                try {
                    after = dependencies.declare(caller, consumer, dependency.producer(), dependency.draft());
                } catch (WatershedException e) {
                    return refuse(pointer, consumer, e);
                }
                if (before == null || !StoredState.sameTerms(before, after.dependency())) {
                    steps.computeIfAbsent(consumer, key -> new ArrayList<>())
                            .add((before == null ? "declare" : "change") + " dependency " + consumer + " <- "
                                    + dependency.producer());
                }
            }
            return true;
        }

        /** Lists, and when pruning removes, the managed teams' assets the plan does not declare. */
        private void prune() {
            Set<String> managed = new TreeSet<>(owners);
            plan.teams().forEach(team -> managed.add(team.name()));
            Set<String> declared = new HashSet<>(
                    plan.assets().stream().map(spec -> spec.asset().name()).toList());
            Set<String> extra = new LinkedHashSet<>();
            for (String team : managed) {
                assets
                        .search(new AssetQuery(
                                null, team, null, null, config.limits().maxPageSize(), 0))
                        .items()
                        .stream()
                        .map(asset -> asset.name().value())
                        .filter(name -> !declared.contains(name))
                        .forEach(extra::add);
            }
            notInFiles.addAll(extra);
            if (!plan.prune()) {
                return;
            }
            for (String name : extra) {
                if (!step("/prune/" + name, name, "delete asset " + name + " (not in the files)", () -> {
                    assets.delete(caller, name, false);
                    return null;
                })) {
                    return;
                }
            }
        }

        /** Runs one change unless it was refused in an earlier run; false when it is refused now. */
        private boolean step(String pointer, String asset, String description, Supplier<?> change) {
            if (skipped.contains(pointer)) {
                return true;
            }
            try {
                change.get();
            } catch (WatershedException e) {
                return refuse(pointer, asset, e);
            }
            steps.computeIfAbsent(asset, key -> new ArrayList<>()).add(description);
            return true;
        }

        /**
         * Records a new refusal and stops this run; a refusal known from an earlier run is passed over (only for
         * checks that store nothing, so the transaction is still good).
         */
        private boolean refuse(String pointer, String asset, WatershedException e) {
            if (skipped.contains(pointer)) {
                return true;
            }
            String inner =
                    e instanceof InvalidInputException invalid && invalid.pointer() != null ? invalid.pointer() : "";
            if (!inner.isEmpty() && !inner.startsWith("/")) {
                inner = "/" + inner;
            }
            refusal = new PlanError(asset, e.code(), e.detail(), pointer + inner);
            refusalKey = pointer;
            return false;
        }

        List<PlanResult.AssetOutcome> outcomes(Iterable<PlanError> errors) {
            List<PlanResult.AssetOutcome> outcomes = new ArrayList<>();
            for (EstatePlan.AssetSpec spec : plan.assets()) {
                String name = spec.asset().name();
                List<PlanError> own = new ArrayList<>();
                errors.forEach(error -> {
                    if (Objects.equals(error.asset(), name)) {
                        own.add(error);
                    }
                });
                outcomes.add(new PlanResult.AssetOutcome(
                        name, steps.getOrDefault(name, List.of()), verdicts.get(name), own));
            }
            return outcomes;
        }

        List<String> teamSteps() {
            List<String> teamSteps = new ArrayList<>();
            plan.teams().forEach(team -> teamSteps.addAll(steps.getOrDefault(team.name(), List.of())));
            return teamSteps;
        }
    }
}
