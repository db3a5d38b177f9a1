package cn.countyflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CountyFlowApplication {
    public static void main(String[] args) {
        SpringApplication.run(CountyFlowApplication.class, args);
    }
}
