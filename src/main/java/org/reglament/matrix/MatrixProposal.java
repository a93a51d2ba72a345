package org.reglament.matrix;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The nine values an agency proposes for a service, in action order, and whether a note is attached. */
public record MatrixProposal(
        @ArraySchema(schema = @Schema(allowableValues = {"1", "0", "-"}), minItems = 9, maxItems = 9,
                arraySchema = @Schema(description = "Значения действий 1–9 в порядке действий", example = "[\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\"]"))
        @NotNull @Size(min = 9, max = 9, message = "must hold the nine actions' values in action order")
        List<@NotNull @Pattern(regexp = "[10-]", message = "must be \"1\", \"0\" or \"-\"") String> cells,
        @Schema(description = "Пояснительная записка приложена к проекту матрицы (3.1.4.3 абз. 2)")
        @NotNull Boolean explanatoryNoteAttached) {

    /** The proposed value of an action (1–9); only called once the request is valid. */
    public CellValue value(int action) {
        return CellValue.fromCode(cells.get(action - 1));
    }
}
