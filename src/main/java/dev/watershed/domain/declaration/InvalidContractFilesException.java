package dev.watershed.domain.declaration;

import dev.watershed.domain.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/** Contract files that do not follow the format, with every problem found and where. */
public class InvalidContractFilesException extends InvalidInputException {

    private final transient List<ContractFiles.Problem> problems;

    public InvalidContractFilesException(List<ContractFiles.Problem> problems) {
        super(
                "INVALID_CONTRACT_FILES",
                null,
                "invalid contract files:\n"
                        + problems.stream().map(ContractFiles.Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ContractFiles.Problem> problems() {
        return problems;
    }
}
