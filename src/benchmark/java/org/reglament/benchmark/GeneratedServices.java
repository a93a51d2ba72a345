package org.reglament.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.reglament.matrix.ActionMatrixRequest;
import org.reglament.matrix.ServiceCategory;
import org.reglament.matrix.ServiceDescription;

/**
 * The services every implementation decides: 1,024 drawn from a fixed seed, so every run and every fork decides the
 * same ones. A quarter of them sit at the threshold of 3.1.4.3 (98–103 applications a year), where a strict and a
 * non-strict reading of «превышает 100» would differ.
 */
final class GeneratedServices {
    static final int COUNT = 1024;
    /** Edition 1.1 of the Kamchatka guidelines is in force on this date. */
    static final LocalDate AS_OF = LocalDate.of(2018, 10, 1);

    private GeneratedServices() {
    }

    static List<ServiceDescription> services() {
        Random random = new Random(236);
        ServiceCategory[] categories = ServiceCategory.values();
        List<ServiceDescription> services = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            int applications = random.nextInt(4) == 0 ? 98 + random.nextInt(6) : random.nextInt(5000);
            services.add(new ServiceDescription(String.format("41%012d", i), "Услуга " + i, "Подуслуга " + i,
                    "Исполнительный орган " + (i % 17), categories[random.nextInt(categories.length)], applications,
                    random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), random.nextBoolean()));
        }
        return List.copyOf(services);
    }

    static List<ActionMatrixRequest> requests() {
        return services().stream().map(service -> new ActionMatrixRequest(AS_OF, service)).toList();
    }
}
